package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.mapping.GroupMember;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.ObjectScope;
import io.scimfleet.mapping.ProviderMappings;
import io.scimfleet.mapping.ScopeGroups;
import io.scimfleet.model.NestedGroups;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.schema.RequiredAttributesCheck;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.schema.Violation;
import io.scimfleet.store.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the worker would send for one object, computed the way the worker does (default mappings
 * overlaid with the provider's, scope filter and scope groups, schema validation) and sent nowhere.
 * A group's members are those already on the target, with their remote ids from the sync state
 * (flattened or with child groups, by the provider's {@code nestedGroups}). {@code scope} says why
 * the object is in scope or not: the filter, and through which scoped group.
 */
final class Preview {
  private final Stores stores;
  private final ScimSchemaValidator validator;

  Preview(Stores stores, ScimSchemaValidator validator) {
    this.stores = stores;
    this.validator = validator;
  }

  /** The answer: resource, valid, violations, inScope, and the scope's reason. */
  record Result(ObjectNode resource, boolean valid, List<Violation> violations, boolean inScope, String scope) {}

  Result of(Provider provider, ObjectType type, String id) {
    MappingInput input = input(provider, type, id);
    ObjectScope scope = ProviderMappings.scope(provider, type, stores.directory());
    boolean byFilter = scope.includesByFilter(input);
    Optional<ScopeGroups.Reason> byGroup = scope.byGroup(id);
    boolean inScope = byFilter && (scope.groups() == null || byGroup.isPresent());
    ObjectNode resource = ProviderMappings.compile(provider, type).map(input);
    List<Violation> violations = new ArrayList<>(validator.validate(type, resource));
    violations.addAll(RequiredAttributesCheck.violations(provider, type, resource));
    return new Result(resource, violations.isEmpty(), violations, inScope, reason(provider, type, byFilter, byGroup));
  }

  private static String reason(Provider provider, ObjectType type, boolean byFilter, Optional<ScopeGroups.Reason> byGroup) {
    String filterName = type == ObjectType.USER ? "userFilter" : "groupFilter";
    String filter = ProviderMappings.scopeExpression(provider, type) == null ? "no " + filterName
        : filterName + (byFilter ? " matches" : " does not match");
    if (provider.scopeGroups().isEmpty()) return filter;
    String groups = byGroup.map(reason -> "through " + reason)
        .orElse((type == ObjectType.USER ? "not a member of " : "not nested in ") + "any of the scope groups "
            + provider.scopeGroups());
    return filter + "; " + groups;
  }

  private MappingInput input(Provider provider, ObjectType type, String id) {
    if (type == ObjectType.USER) {
      return stores.directory().user(id).map(MappingInput::user)
          .orElseThrow(() -> ApiException.notFound("no user '" + id + "'"));
    }
    return stores.directory().group(id).map(group -> MappingInput.group(group, syncedMembers(provider, id)))
        .orElseThrow(() -> ApiException.notFound("no group '" + id + "'"));
  }

  private List<GroupMember> syncedMembers(Provider provider, String groupId) {
    if (provider.nestedGroups() == NestedGroups.FLATTEN) {
      return synced(provider, ObjectType.USER, stores.directory().transitiveMembers(groupId));
    }
    List<GroupMember> members = synced(provider, ObjectType.USER, stores.directory().members(groupId));
    members.addAll(synced(provider, ObjectType.GROUP, stores.directory().memberGroups(groupId)));
    return members;
  }

  private List<GroupMember> synced(Provider provider, ObjectType type, Set<String> ids) {
    Map<String, ObjectSyncState> states = stores.syncState().getAll(provider.name(), type, ids);
    List<GroupMember> members = new ArrayList<>();
    for (String memberId : ids.stream().sorted().toList()) {
      ObjectSyncState state = states.get(memberId);
      if (state != null && state.remoteId() != null && state.outcome() != SyncOutcome.DEACTIVATED) {
        members.add(new GroupMember(memberId, state.remoteId(), type == ObjectType.GROUP));
      }
    }
    return members;
  }
}
