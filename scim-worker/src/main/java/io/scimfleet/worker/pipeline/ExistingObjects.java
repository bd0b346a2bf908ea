package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.TargetSwitches;
import io.scimfleet.scim.BadRequestException;
import io.scimfleet.scim.Filter;
import io.scimfleet.scim.ListResponse;
import io.scimfleet.scim.ScimResource;
import io.scimfleet.scim.SearchRequest;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the object on the target that a payload stands for, by the provider's {@code matchOn}
 * attribute: none, exactly one, or several (then {@link AmbiguousMatchException} lists their ids).
 * {@code emails.primary} asks {@code emails[primary eq true and value eq "x"]}; a target that
 * refuses that filter (400) is asked {@code emails.value eq "x"}, and the answers are narrowed to
 * those whose primary email is x. An attribute the target cannot filter on (its {@code filters})
 * fails the object with {@link UnfilterableMatchException}: listing a whole target to find one
 * object is not done.
 */
final class ExistingObjects {
  private static final int SHOWN = 10;

  private ExistingObjects() {}

  static Optional<ScimResource> find(ProviderContext ctx, ObjectType type, ObjectNode payload) {
    String attribute = ctx.provider().matchOn().of(type);
    TargetSwitches switches = ctx.provider().switches();
    if (!switches.canFilterOn(attribute)) {
      throw new UnfilterableMatchException(ctx.name(), type, attribute, switches.filters());
    }
    if (attribute.equals("emails.primary")) return byPrimaryEmail(ctx, payload);
    String value = payload.path(attribute).asText(null);
    return value == null ? Optional.empty() : one(ctx, type, Filter.eq(attribute, value));
  }

  /**
   * The object an earlier create of this payload may have made: found by {@code matchOn} when the
   * target can filter on it and the payload has it, else by {@code externalId}; empty when neither
   * can be asked.
   */
  static Optional<ScimResource> sentBefore(
      ProviderContext ctx, ObjectType type, ObjectNode payload) {
    String attribute = ctx.provider().matchOn().of(type);
    TargetSwitches switches = ctx.provider().switches();
    boolean byMatch =
        switches.canFilterOn(attribute)
            && (attribute.equals("emails.primary")
                ? primaryEmail(payload) != null
                : payload.hasNonNull(attribute));
    if (byMatch) return find(ctx, type, payload);
    String externalId = payload.path("externalId").asText(null);
    if (externalId == null || !switches.canFilterOn("externalId")) return Optional.empty();
    return one(ctx, type, Filter.eq("externalId", externalId));
  }

  private static Optional<ScimResource> byPrimaryEmail(ProviderContext ctx, ObjectNode payload) {
    String email = primaryEmail(payload);
    if (email == null) return Optional.empty();
    Filter exact =
        Filter.valuePath(
            "emails", Filter.and(Filter.eq("primary", true), Filter.eq("value", email)));
    try {
      return one(ctx, ObjectType.USER, exact);
    } catch (BadRequestException unsupported) {
      Filter loose = Filter.eq("emails.value", email);
      List<ScimResource> primary =
          search(ctx, ObjectType.USER, loose, 100).resources().stream()
              .filter(found -> email.equalsIgnoreCase(primaryEmail(found.json())))
              .toList();
      return pick(ObjectType.USER, loose, primary, primary.size());
    }
  }

  private static Optional<ScimResource> one(ProviderContext ctx, ObjectType type, Filter filter) {
    ListResponse answer = search(ctx, type, filter, SHOWN);
    return pick(
        type,
        filter,
        answer.resources(),
        Math.max(answer.totalResults(), answer.resources().size()));
  }

  private static Optional<ScimResource> pick(
      ObjectType type, Filter filter, List<ScimResource> matches, long total) {
    if (matches.size() > 1) {
      throw new AmbiguousMatchException(
          type,
          filter.render(),
          matches.stream().limit(SHOWN).map(ScimResource::id).toList(),
          total);
    }
    return matches.stream().findFirst();
  }

  private static ListResponse search(
      ProviderContext ctx, ObjectType type, Filter filter, int count) {
    SearchRequest request = SearchRequest.of(filter).withStartIndex(1).withCount(count);
    return ctx.client()
        .search(type.endpoint(), request.withExcludedAttributes(GroupReads.excluded(ctx, type)));
  }

  /** The email marked primary, else the only one. */
  static @Nullable String primaryEmail(JsonNode resource) {
    JsonNode emails = resource.path("emails");
    for (JsonNode email : emails) {
      if (email.path("primary").asBoolean(false)) return email.path("value").asText(null);
    }
    return emails.size() == 1 ? emails.get(0).path("value").asText(null) : null;
  }
}
