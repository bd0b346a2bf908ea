package io.scimfleet.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.NestedGroups;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.schema.RequiredAttributesCheck;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.schema.ValidationException;
import io.scimfleet.schema.Violation;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.SyncStateStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The one way a directory object becomes the SCIM resource a provider gets, for the worker and the
 * preview alike: a group's members resolved to the remote ids the fleet recorded, the provider's
 * mappings applied, the result checked against the SCIM schema.
 *
 * <p>A group's members: with {@code nestedGroups: flatten} the users of the whole subtree; with
 * {@code native} the direct users, then the child groups (as {@code "type": "Group"}). Each kind in
 * the order of its ids; a member goes with its remote id, one without (never synced, or
 * deactivated) is left out unless {@link Unsynced} gives it one.
 *
 * <p>A user: with the schema extensions the target announces ({@code target.schemaExtensions}) and
 * its manager ({@code attributes.manager}, a directory id) by the manager's remote id ({@code
 * manager.remoteId}), by the same rule as a member: none without one, unless {@link Unsynced} gives
 * it one.
 */
public final class PayloadBuilder {
  /** What becomes of a member in scope that has no remote id yet. */
  @FunctionalInterface
  public interface Unsynced {
    /** The member's state once it has been synced, or null to leave it out. */
    @Nullable ObjectSyncState syncFirst(ObjectType type, String objectId);
  }

  /** Leaves a member without a remote id out (the preview, a dry run). */
  public static final Unsynced LEAVE_OUT = (type, objectId) -> null;

  /**
   * What is taken of a target that is not asked (the preview, a dry run): it announces the
   * Enterprise User extension.
   */
  public static final Set<String> UNASKED = Set.of(DefaultMappings.ENTERPRISE_USER_SCHEMA);

  private final DirectoryStore directory;
  private final SyncStateStore syncState;
  private final ScimSchemaValidator validator;

  public PayloadBuilder(
      DirectoryStore directory, SyncStateStore syncState, ScimSchemaValidator validator) {
    this.directory = directory;
    this.syncState = syncState;
    this.validator = validator;
  }

  /** A resource and what the schema finds wrong with it. */
  public record Payload(ObjectType type, ObjectNode resource, List<Violation> violations) {
    public Payload {
      violations = List.copyOf(violations);
    }

    public boolean valid() {
      return violations.isEmpty();
    }

    /**
     * The resource, which is valid.
     *
     * @throws ValidationException listing every violation: invalid data never leaves
     */
    public ObjectNode requireValid() {
      if (!valid()) throw new ValidationException(type, violations);
      return resource;
    }
  }

  /** The mappings applied to the input, and checked against the schema. */
  public Payload build(Mappings mappings, ObjectType type, MappingInput input) {
    ObjectNode resource = mappings.map(input);
    return new Payload(type, resource, validator.validate(type, resource));
  }

  /** The same, also checked for the attributes the provider's target requires. */
  public Payload build(Provider provider, Mappings mappings, ObjectType type, MappingInput input) {
    return check(provider, type, mappings.map(input));
  }

  /**
   * A resource already mapped, checked against the schema and the provider's required attributes.
   */
  public Payload check(Provider provider, ObjectType type, ObjectNode resource) {
    List<Violation> violations = new ArrayList<>(validator.validate(type, resource));
    violations.addAll(RequiredAttributesCheck.violations(provider, type, resource));
    return new Payload(type, resource, violations);
  }

  /**
   * A user as mapping input for the provider's target, which announces {@code schemaExtensions}:
   * its manager's state is read.
   */
  public MappingInput user(
      String provider, Set<String> schemaExtensions, DirectoryUser user, Unsynced unsynced) {
    String managerId = UserTarget.managerId(user);
    ObjectSyncState manager =
        managerId == null ? null : syncState.get(provider, ObjectType.USER, managerId).orElse(null);
    return user(schemaExtensions, user, manager, unsynced);
  }

  /**
   * Users as mapping input for the provider's target, by id, their managers' states read in one
   * round trip; a manager without a remote id is left out.
   */
  public Map<String, MappingInput> users(
      String provider, Set<String> schemaExtensions, Collection<DirectoryUser> users) {
    Map<String, ObjectSyncState> managers =
        syncState.getAll(provider, ObjectType.USER, managerIds(users));
    Map<String, MappingInput> inputs = new LinkedHashMap<>();
    for (DirectoryUser user : users) {
      String managerId = UserTarget.managerId(user);
      inputs.put(
          user.id(),
          user(
              schemaExtensions,
              user,
              managerId == null ? null : managers.get(managerId),
              LEAVE_OUT));
    }
    return inputs;
  }

  /**
   * A user as mapping input, its manager's state already read ({@code manager}, null when none).
   */
  public static MappingInput user(
      Set<String> schemaExtensions,
      DirectoryUser user,
      @Nullable ObjectSyncState manager,
      Unsynced unsynced) {
    UserTarget target = new UserTarget(schemaExtensions, null);
    String managerId = UserTarget.managerId(user);
    if (managerId == null) return MappingInput.user(user, target);
    String remoteId = remoteId(manager);
    if (remoteId == null) remoteId = remoteId(unsynced.syncFirst(ObjectType.USER, managerId));
    return MappingInput.user(
        user,
        remoteId == null
            ? target
            : target.withManager(new UserTarget.Manager(managerId, remoteId)));
  }

  /** The directory ids of these users' managers. */
  public static Set<String> managerIds(Collection<DirectoryUser> users) {
    Set<String> ids = new HashSet<>();
    for (DirectoryUser user : users) {
      String managerId = UserTarget.managerId(user);
      if (managerId != null) ids.add(managerId);
    }
    return ids;
  }

  /**
   * The object's id on the target, as a reference to it (a member, a manager) goes: null when it
   * has none, or is deactivated there.
   */
  public static @Nullable String remoteId(@Nullable ObjectSyncState state) {
    return state != null && state.remoteId() != null && state.outcome() != SyncOutcome.DEACTIVATED
        ? state.remoteId()
        : null;
  }

  /** A group as mapping input, with its members resolved for the provider. */
  public MappingInput group(
      String provider, NestedGroups nested, DirectoryGroup group, Unsynced unsynced) {
    return MappingInput.group(group, members(provider, nested, group.id(), unsynced));
  }

  /** The group's members as the provider knows them (see the class comment). */
  public List<GroupMember> members(
      String provider, NestedGroups nested, String groupId, Unsynced unsynced) {
    if (nested != NestedGroups.NATIVE) {
      return resolved(provider, ObjectType.USER, directory.transitiveMembers(groupId), unsynced);
    }
    List<GroupMember> members =
        resolved(provider, ObjectType.USER, directory.members(groupId), unsynced);
    members.addAll(resolved(provider, ObjectType.GROUP, directory.memberGroups(groupId), unsynced));
    return members;
  }

  private List<GroupMember> resolved(
      String provider, ObjectType type, Set<String> ids, Unsynced unsynced) {
    Map<String, ObjectSyncState> states = syncState.getAll(provider, type, ids);
    List<GroupMember> members = new ArrayList<>();
    for (String id : new TreeSet<>(ids)) {
      ObjectSyncState state = states.get(id);
      if (state == null || state.remoteId() == null) state = unsynced.syncFirst(type, id);
      String remoteId = remoteId(state);
      if (remoteId != null) members.add(new GroupMember(id, remoteId, type == ObjectType.GROUP));
    }
    return members;
  }
}
