package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.model.ObjectType;
import io.scimfleet.scim.Filter;
import io.scimfleet.scim.MalformedResponseException;
import io.scimfleet.scim.NotFoundException;
import io.scimfleet.scim.ScimException;
import io.scimfleet.scim.ScimResource;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a target holds of one type, for the drift check: one listing of the endpoint in pages
 * of 100 (1,000 when only {@code id} and {@code meta} are asked for; or the target's smaller {@code
 * maxResults}), by cursor or {@code startIndex}, asking only for the managed attributes; or, where
 * the target refuses listing, one GET per object.
 */
final class TargetSnapshot {
  static final int PAGE = 100;

  /**
   * The request's page for a listing of {@code id} and {@code meta} only (or the target's smaller
   * {@code maxResults}): small objects, so fewer requests; still handed over in pages of {@link
   * #PAGE}.
   */
  static final int ID_META_PAGE = 1000;

  /**
   * Answers that say "this target does not list this endpoint", as opposed to a failure to retry.
   */
  private static final Set<Integer> LISTING_REFUSED = Set.of(400, 403, 404, 405, 501);

  private TargetSnapshot() {}

  /**
   * Hands every page of the listing to {@code page}, as it is read. False when the target refused
   * the first page (then nothing was handed over); a failure after the first page is thrown.
   *
   * @param attributes the attributes to ask for; empty: all
   */
  static boolean list(
      ProviderContext ctx,
      ObjectType type,
      List<String> attributes,
      Consumer<List<ScimResource>> page) {
    return list(ctx, type, null, attributes, page);
  }

  /** Likewise for the objects matching {@code filter} (null: all). */
  static boolean list(
      ProviderContext ctx,
      ObjectType type,
      @Nullable Filter filter,
      List<String> attributes,
      Consumer<List<ScimResource>> page) {
    int pageSize = attributes.equals(DriftRun.ID_META) ? ID_META_PAGE : PAGE;
    Iterator<ScimResource> listing =
        ctx.client().searchAll(type.endpoint(), filter, attributes, pageSize).iterator();
    try {
      if (!listing.hasNext()) return true; // an empty listing: nothing to hand over
    } catch (ScimException refused) {
      if (!refusesListing(refused)) throw refused;
      return false;
    }
    List<ScimResource> batch = new ArrayList<>(PAGE);
    while (listing.hasNext()) {
      batch.add(listing.next());
      if (batch.size() == PAGE) {
        page.accept(batch);
        batch = new ArrayList<>(PAGE);
      }
    }
    if (!batch.isEmpty()) page.accept(batch);
    return true;
  }

  /**
   * The objects the target still has among these remote ids, read one by one; a 404 leaves one out.
   */
  static Map<String, ScimResource> byId(
      ProviderContext ctx, ObjectType type, Collection<String> remoteIds) {
    Map<String, ScimResource> found = new LinkedHashMap<>();
    for (String remoteId : remoteIds) {
      try {
        found.put(remoteId, ctx.client().get(type.endpoint(), remoteId));
      } catch (NotFoundException gone) {
        // deleted on the target
      }
    }
    return found;
  }

  /**
   * The object's {@code meta.lastModified} on the target's clock; null when absent or unreadable. A
   * time without an offset (xsd:dateTime allows it; Apache SCIMple sends one) is read as UTC: the
   * drift check only compares the target's times with each other, so any fixed zone orders them.
   */
  static @Nullable Instant lastModified(ScimResource resource) {
    JsonNode value =
        ManagedAttributes.field(ManagedAttributes.field(resource.json(), "meta"), "lastModified");
    if (value == null || !value.isTextual()) return null;
    return dateTime(value.asText());
  }

  /** An xsd:dateTime with or without its offset (then UTC); null when it is neither. */
  static @Nullable Instant dateTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  static boolean refusesListing(ScimException e) {
    return LISTING_REFUSED.contains(e.status()) || e instanceof MalformedResponseException;
  }
}
