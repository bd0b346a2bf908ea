package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.mapping.GroupMember;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.ProviderMappings;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.schema.Violation;
import io.scimfleet.store.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the worker would send for one object, computed the way the worker does (default mappings
 * overlaid with the provider's, scope filter, schema validation) and sent nowhere. A group's members
 * are those already on the target, with their remote ids from the sync state.
 */
final class Preview {
  private final Stores stores;
  private final ScimSchemaValidator validator;

  Preview(Stores stores, ScimSchemaValidator validator) {
    this.stores = stores;
    this.validator = validator;
  }

  /** The answer: resource, valid, violations, inScope. */
  record Result(ObjectNode resource, boolean valid, List<Violation> violations, boolean inScope) {}

  Result of(Provider provider, ObjectType type, String id) {
    MappingInput input = input(provider, type, id);
    boolean inScope = ProviderMappings.scope(provider, type).includes(input);
    ObjectNode resource = ProviderMappings.compile(provider, type).map(input);
    List<Violation> violations = validator.validate(type, resource);
    return new Result(resource, violations.isEmpty(), violations, inScope);
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
    Set<String> memberIds = stores.directory().members(groupId);
    Map<String, ObjectSyncState> states = stores.syncState().getAll(provider.name(), ObjectType.USER, memberIds);
    List<GroupMember> members = new ArrayList<>();
    for (String memberId : memberIds.stream().sorted().toList()) {
      ObjectSyncState state = states.get(memberId);
      if (state != null && state.remoteId() != null && state.outcome() != SyncOutcome.DEACTIVATED) {
        members.add(new GroupMember(memberId, state.remoteId()));
      }
    }
    return members;
  }
}
