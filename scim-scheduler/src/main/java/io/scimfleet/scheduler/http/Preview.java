package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.ObjectScope;
import io.scimfleet.mapping.PayloadBuilder;
import io.scimfleet.mapping.ProviderMappings;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.schema.Violation;
import io.scimfleet.store.Stores;
import java.util.List;

/**
 * What the worker would send for one object, built by the worker's {@link PayloadBuilder} (default
 * mappings overlaid with the provider's, schema validation) and sent nowhere; scope filter and
 * scope groups as the worker reads them. A group's members are those already on the target, with
 * their remote ids from the sync state (flattened or with child groups, by the provider's {@code
 * nestedGroups}); a member never synced is left out, where the worker would sync it first. A user's
 * manager likewise, by its remote id when it has one; the target is not asked, and taken to
 * announce the Enterprise User extension ({@link PayloadBuilder#UNASKED}). {@code scope} says why
 * the object is in scope or not: the filter, and through which scoped group, as {@link
 * ObjectScope#verdict} decides it for the router and the worker too. The admin console shows the
 * same preview.
 */
public final class Preview {
  private final Stores stores;
  private final PayloadBuilder payloads;

  public Preview(Stores stores, ScimSchemaValidator validator) {
    this.stores = stores;
    this.payloads = new PayloadBuilder(stores.directory(), stores.syncState(), validator);
  }

  /** The answer: resource, valid, violations, inScope, and the scope's reason. */
  public record Result(
      ObjectNode resource,
      boolean valid,
      List<Violation> violations,
      boolean inScope,
      String scope) {}

  public Result of(Provider provider, ObjectType type, String id) {
    MappingInput input = input(provider, type, id);
    ObjectScope.Verdict scope =
        ProviderMappings.scope(provider, type, stores.directory()).verdict(input);
    PayloadBuilder.Payload payload =
        payloads.build(provider, ProviderMappings.compile(provider, type), type, input);
    return new Result(
        payload.resource(),
        payload.valid(),
        payload.violations(),
        scope.inScope(),
        reason(provider, type, scope));
  }

  /** The scope's verdict in words: the filter, and through which scoped group. */
  private static String reason(Provider provider, ObjectType type, ObjectScope.Verdict scope) {
    String filterName = type == ObjectType.USER ? "userFilter" : "groupFilter";
    String filter =
        ProviderMappings.scopeExpression(provider, type) == null
            ? "no " + filterName
            : filterName + (scope.byFilter() ? " matches" : " does not match");
    if (provider.scopeGroups().isEmpty()) return filter;
    String groups =
        scope
            .byGroup()
            .map(reason -> "through " + reason)
            .orElse(
                (type == ObjectType.USER ? "not a member of " : "not nested in ")
                    + "any of the scope groups "
                    + provider.scopeGroups());
    return filter + "; " + groups;
  }

  private MappingInput input(Provider provider, ObjectType type, String id) {
    if (type == ObjectType.USER) {
      return stores
          .directory()
          .user(id)
          .map(user -> payloads.user(provider.name(), PayloadBuilder.UNASKED, user))
          .orElseThrow(() -> ApiException.notFound("no user '" + id + "'"));
    }
    return stores
        .directory()
        .group(id)
        .map(group -> payloads.group(provider.name(), provider.nestedGroups(), group))
        .orElseThrow(() -> ApiException.notFound("no group '" + id + "'"));
  }
}
