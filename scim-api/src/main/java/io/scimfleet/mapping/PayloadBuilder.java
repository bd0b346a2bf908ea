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
 * The one way a directory object becomes the SCIM resource a provider gets, for the worker (single,
 * batch, Bulk and drift paths, and its warm-up) and the preview alike: the mapping input (a group's
 * members resolved to the remote ids the fleet recorded, a user's manager likewise), the provider's
 * mappings applied ({@link #map}), the result checked against the SCIM schema and the provider's
 * required attributes ({@link #check}); {@link #build} does both.
 *
 * <p>A group's members ({@link #members}): with {@code nestedGroups: flatten} the users of the
 * whole subtree; with {@code native} the direct users, then the child groups (as {@code "type":
 * "Group"}). Each kind in the order of its ids; a member goes with its remote id, and one without
 * (never synced, or deactivated) is left out: those never synced are named apart, for the worker to
 * sync first.
 *
 * <p>A user: with the schema extensions the target announces ({@code target.schemaExtensions}) and
 * its manager ({@code attributes.manager}, a directory id) by the manager's remote id ({@code
 * manager.remoteId}), by the same rule as a member: none without one.
 */
public final class PayloadBuilder {
  /**
   * What is taken of a target that is not asked (the preview, a dry run, the warm-up): it announces
   * the Enterprise User extension.
   */
  public static final Set<String> UNASKED = Set.of(DefaultMappings.ENTERPRISE_USER_SCHEMA);

  private final DirectoryStore directory;
  private final SyncStateStore syncState;
  private final ScimSchemaValidator validator;

  /**
   * @param directory where a group's members are read
   * @param syncState where the remote ids of members and managers are read
   */
  public PayloadBuilder(
      DirectoryStore directory, SyncStateStore syncState, ScimSchemaValidator validator) {
    this.directory = directory;
    this.syncState = syncState;
    this.validator = validator;
  }

  /**
   * A group's members as the provider knows them (see the class comment), and those in the
   * directory that the target does not know yet.
   *
   * @param resolved the members with their remote ids, as they go in the payload
   * @param notOnTarget the members never synced (no state, or one without a remote id): users
   *     first, then child groups, each kind in the order of its ids
   */
  public record Members(List<GroupMember> resolved, List<Member> notOnTarget) {
    public Members {
      resolved = List.copyOf(resolved);
      notOnTarget = List.copyOf(notOnTarget);
    }
  }

  /** A member by its type and directory id. */
  public record Member(ObjectType type, String id) {}

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

  /**
   * The provider's mappings applied to the input, and the result checked against the schema and the
   * provider's required attributes.
   */
  public Payload build(Provider provider, Mappings mappings, ObjectType type, MappingInput input) {
    return check(provider, type, map(mappings, input));
  }

  /**
   * The mappings applied to the input, not yet checked: a caller that finds this resource is the
   * one last sent (valid when it went) sends nothing; any other {@link #check}s it before it
   * leaves.
   */
  public ObjectNode map(Mappings mappings, MappingInput input) {
    return mappings.map(input);
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
  public MappingInput user(String provider, Set<String> schemaExtensions, DirectoryUser user) {
    String managerId = UserTarget.managerId(user);
    ObjectSyncState manager =
        managerId == null ? null : syncState.get(provider, ObjectType.USER, managerId).orElse(null);
    return user(schemaExtensions, user, manager);
  }

  /**
   * Users as mapping input for the provider's target, by id, their managers' states read in one
   * round trip.
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
          user(schemaExtensions, user, managerId == null ? null : managers.get(managerId)));
    }
    return inputs;
  }

  /**
   * A user as mapping input, its manager's state already read ({@code manager}, null when none); a
   * manager without a remote id is left out.
   */
  public static MappingInput user(
      Set<String> schemaExtensions, DirectoryUser user, @Nullable ObjectSyncState manager) {
    UserTarget target = new UserTarget(schemaExtensions, null);
    String managerId = UserTarget.managerId(user);
    String remoteId = remoteId(manager);
    if (managerId == null || remoteId == null) return MappingInput.user(user, target);
    return MappingInput.user(user, target.withManager(new UserTarget.Manager(managerId, remoteId)));
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
  public MappingInput group(String provider, NestedGroups nested, DirectoryGroup group) {
    return group(group, members(provider, nested, group.id()));
  }

  /** A group as mapping input, with its members already resolved. */
  public static MappingInput group(DirectoryGroup group, Members members) {
    return MappingInput.group(group, members.resolved());
  }

  /** The group's members as the provider knows them (see the class comment). */
  public Members members(String provider, NestedGroups nested, String groupId) {
    List<GroupMember> resolved = new ArrayList<>();
    List<Member> notOnTarget = new ArrayList<>();
    if (nested != NestedGroups.NATIVE) {
      Set<String> users = directory.transitiveMembers(groupId);
      resolve(provider, ObjectType.USER, users, resolved, notOnTarget);
    } else {
      Set<String> users = directory.members(groupId);
      resolve(provider, ObjectType.USER, users, resolved, notOnTarget);
      Set<String> groups = directory.memberGroups(groupId);
      resolve(provider, ObjectType.GROUP, groups, resolved, notOnTarget);
    }
    return new Members(resolved, notOnTarget);
  }

  private void resolve(
      String provider,
      ObjectType type,
      Set<String> ids,
      List<GroupMember> resolved,
      List<Member> notOnTarget) {
    Map<String, ObjectSyncState> states = syncState.getAll(provider, type, ids);
    for (String id : new TreeSet<>(ids)) {
      ObjectSyncState state = states.get(id);
      if (state == null || state.remoteId() == null) notOnTarget.add(new Member(type, id));
      String remoteId = remoteId(state);
      if (remoteId != null) resolved.add(new GroupMember(id, remoteId, type == ObjectType.GROUP));
    }
  }
}
