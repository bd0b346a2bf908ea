package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.error.FleetException;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.scim.ScimResource;
import io.scimfleet.store.Stores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * One drift check of one provider: per type, the managed objects from the sync states, then the
 * target's pages compared with them as they come (one read of states and one of the directory per
 * page of 100), then by id the managed objects the listing did not show (gone, unless the listing
 * was short) and groups listed without members. Holds the counts.
 */
final class DriftRun {
  /**
   * The object id under which an unmanaged object's removal goes through the pipeline (and the
   * guard).
   */
  static final String UNMANAGED = "unmanaged:";

  private static final int MAX_ERRORS = 100;

  private final Stores stores;
  private final ObjectSync objects;
  private final ProviderContext ctx;
  private final Instant runStarted;
  private final Set<String> recreatedUsers = new HashSet<>();
  private final List<String> errors = new ArrayList<>();
  private SyncCounts counts = SyncCounts.ZERO;
  private long held;
  private boolean targetShowsMembers;

  DriftRun(Stores stores, ObjectSync objects, ProviderContext ctx, Instant runStarted) {
    this.stores = stores;
    this.objects = objects;
    this.ctx = ctx;
    this.runStarted = runStarted;
  }

  DriftRepair.Result result() {
    return new DriftRepair.Result(counts, List.copyOf(errors), held);
  }

  /** The check of this type ended early: said in the run's errors (not an object's failure). */
  void stopped(ObjectType type, FleetException e) {
    if (errors.size() < MAX_ERRORS)
      errors.add("drift check of " + type.endpoint() + " stopped: " + e.getMessage());
  }

  void check(ObjectType type) {
    ManagedObjects managed = ManagedObjects.scan(stores, ctx.name(), type);
    // the managed remote ids not listed yet: the listing's own ids are let go page by page
    Set<String> notListed = new HashSet<>(managed.objectIdByRemoteId().keySet());
    boolean removing = ctx.provider().deleteUnmanaged();
    int[] unmanagedCount = {0};
    List<String> unmanaged = new ArrayList<>(); // kept only to remove them: else only counted
    List<String> withoutMembers = new ArrayList<>();
    boolean listed =
        TargetSnapshot.list(
            ctx,
            type,
            attributes(type, managed),
            page -> {
              List<String> ours = new ArrayList<>();
              Map<String, ScimResource> found = new HashMap<>();
              for (ScimResource resource : page) {
                notListed.remove(resource.id());
                if (managed.objectId(resource.id()) == null) {
                  unmanagedCount[0]++;
                  if (removing) unmanaged.add(resource.id());
                } else {
                  ours.add(resource.id());
                  found.put(resource.id(), resource);
                }
              }
              compare(type, managed, ours, found, withoutMembers);
            });
    List<String> unseen = new ArrayList<>();
    for (String remoteId : managed.objectIdByRemoteId().keySet())
      if (notListed.contains(remoteId)) unseen.add(remoteId);
    unseen.addAll(withoutMembers);
    readById(type, managed, unseen);
    if (listed) handleUnmanaged(type, removing, unmanagedCount[0], unmanaged);
  }

  /** Reads these objects one by one: those the target no longer has are gone. */
  private void readById(ObjectType type, ManagedObjects managed, List<String> remoteIds) {
    for (int from = 0; from < remoteIds.size(); from += TargetSnapshot.PAGE) {
      List<String> chunk =
          remoteIds.subList(from, Math.min(remoteIds.size(), from + TargetSnapshot.PAGE));
      compare(type, managed, chunk, TargetSnapshot.byId(ctx, type, chunk), null);
    }
  }

  /**
   * @param found what the target holds of {@code remoteIds}; one missing is gone
   * @param withoutMembers where to put groups listed without members, to read by id; null when read
   *     by id
   */
  private void compare(
      ObjectType type,
      ManagedObjects managed,
      List<String> remoteIds,
      Map<String, ScimResource> found,
      List<String> withoutMembers) {
    if (remoteIds.isEmpty()) return;
    Map<String, String> objectIds = new HashMap<>();
    remoteIds.forEach(remoteId -> objectIds.put(managed.objectId(remoteId), remoteId));
    Map<String, ObjectSyncState> states =
        stores.syncState().getAll(ctx.name(), type, objectIds.keySet());
    Map<String, MappingInput> inputs = inScope(type, objectIds.keySet());
    for (Map.Entry<String, String> object : objectIds.entrySet()) {
      ObjectSyncState state = states.get(object.getKey());
      MappingInput input = inputs.get(object.getKey());
      if (input == null || !checked(state, object.getValue()) || createdByThisRun(state)) continue;
      ScimResource onTarget = found.get(object.getValue());
      if (withoutMembers != null
          && onTarget != null
          && type == ObjectType.GROUP
          && !state.membersSent().isEmpty()
          && ManagedAttributes.members(onTarget.json()) == null) {
        withoutMembers.add(object.getValue());
        continue;
      }
      UnaryOperator<ObjectSyncState> fix =
          onTarget == null ? DriftRun::gone : difference(type, input, state, onTarget);
      if (fix != null) repair(type, object.getKey(), object.getValue(), onTarget == null, fix);
    }
  }

  /**
   * Objects the directory holds in scope, as mapping input (users as for the target, with their
   * managers; groups without members: those are compared apart).
   */
  private Map<String, MappingInput> inScope(ObjectType type, Set<String> objectIds) {
    if (type == ObjectType.USER) {
      List<DirectoryUser> users = stores.directory().users(objectIds);
      Set<String> inScope =
          ctx.scope(type).idsInScope(users.stream().map(MappingInput::user).toList());
      return objects.userInputs(ctx, users.stream().filter(u -> inScope.contains(u.id())).toList());
    }
    List<MappingInput> inputs =
        stores.directory().groups(objectIds).stream()
            .map(g -> MappingInput.group(g, List.of()))
            .toList();
    Set<String> inScope = ctx.scope(type).idsInScope(inputs);
    Map<String, MappingInput> byId = new HashMap<>();
    for (MappingInput input : inputs) {
      String id = String.valueOf(input.json().get("id"));
      if (inScope.contains(id)) byId.put(id, input);
    }
    return byId;
  }

  /**
   * Still linked to this remote id and last synced well: the page jobs and the clean-up see to the
   * rest.
   */
  private static boolean checked(ObjectSyncState state, String remoteId) {
    return state != null
        && remoteId.equals(state.remoteId())
        && state.outcome() != SyncOutcome.FAILED
        && state.outcome() != SyncOutcome.DEACTIVATED;
  }

  private boolean createdByThisRun(ObjectSyncState state) {
    return state.outcome() == SyncOutcome.CREATED && !state.time().isBefore(runStarted);
  }

  /** Deleted on the target: forget the remote id, so the sync creates (or links) it again. */
  private static ObjectSyncState gone(ObjectSyncState state) {
    return new ObjectSyncState(
        state.provider(),
        state.type(),
        state.objectId(),
        null,
        null,
        null,
        List.of(),
        state.time(),
        state.outcome(),
        state.lastError(),
        state.pathsSent(),
        null);
  }

  /**
   * How to make the state say what the target holds, or null when the target holds what the fleet
   * sends.
   */
  private UnaryOperator<ObjectSyncState> difference(
      ObjectType type, MappingInput input, ObjectSyncState state, ScimResource onTarget) {
    ObjectNode payload;
    try {
      payload = ctx.mappings(type).map(input);
    } catch (FleetException invalid) {
      return null; // the page's sync recorded why
    }
    payload.remove("members");
    boolean attributes = ManagedAttributes.differ(payload, onTarget.json(), state.pathsSent());
    if (type == ObjectType.USER) return attributes ? withoutHash(null) : null;
    Set<String> members = membersOnTarget(onTarget, state);
    boolean membersDiffer =
        (members != null && !members.equals(new HashSet<>(state.membersSent())))
            || state.membersSent().stream().anyMatch(recreatedUsers::contains);
    if (!attributes && !membersDiffer) return null;
    return withoutHash(members, attributes);
  }

  /**
   * The members' remote ids the target holds; null when unknown: a group read by id without
   * members, on a target that showed no members for any group so far (some never show them), is not
   * compared.
   */
  private Set<String> membersOnTarget(ScimResource onTarget, ObjectSyncState state) {
    Set<String> members = ManagedAttributes.members(onTarget.json());
    if (members != null && !members.isEmpty()) targetShowsMembers = true;
    if (members != null) return members;
    return targetShowsMembers || state.membersSent().isEmpty() ? Set.of() : null;
  }

  private static UnaryOperator<ObjectSyncState> withoutHash(Set<String> members) {
    return withoutHash(members, true);
  }

  /**
   * No payload hash (so the sync writes again); the members the target holds, for a group; a group
   * whose attributes are as sent keeps their hash, so only its membership is written.
   */
  private static UnaryOperator<ObjectSyncState> withoutHash(
      Set<String> members, boolean attributes) {
    return state -> {
      String hash = state.payloadHash();
      String kept =
          attributes || hash == null || !hash.contains(":")
              ? null
              : "drift" + hash.substring(hash.lastIndexOf(':'));
      List<String> sent =
          members == null ? state.membersSent() : List.copyOf(new TreeSet<>(members));
      return new ObjectSyncState(
          state.provider(),
          state.type(),
          state.objectId(),
          state.remoteId(),
          state.version(),
          kept,
          sent,
          state.time(),
          state.outcome(),
          state.lastError(),
          state.pathsSent(),
          null);
    };
  }

  private void repair(
      ObjectType type,
      String objectId,
      String remoteId,
      boolean gone,
      UnaryOperator<ObjectSyncState> fix) {
    UnaryOperator<ObjectSyncState> ifStillLinked =
        state -> remoteId.equals(state.remoteId()) ? fix.apply(state) : state;
    SyncResult result;
    try {
      result = objects.repair(ctx, type, objectId, ifStillLinked);
    } catch (ProviderQuarantinedException paused) {
      throw paused;
    } catch (FleetException e) {
      result = SyncResult.failed(e.getMessage());
    }
    if (result.outcome() == SyncOutcome.CREATED || result.outcome() == SyncOutcome.UPDATED) {
      counts = counts.plus(SyncOutcome.REPAIRED, 1);
      if (gone && type == ObjectType.USER) recreatedUsers.add(remoteId);
    } else if (result.failed()) {
      counts = counts.plus(SyncOutcome.FAILED, 1);
      error(type, objectId, "repair failed: " + result.error());
    }
  }

  /**
   * Counted; with deleteUnmanaged, removed through the deletion guard (unless the fleet linked it
   * meanwhile).
   */
  private void handleUnmanaged(
      ObjectType type, boolean removing, int unmanagedCount, List<String> remoteIds) {
    if (unmanagedCount == 0) return;
    if (!removing) {
      counts = counts.plus(SyncOutcome.UNMANAGED, unmanagedCount);
      return;
    }
    Set<String> linkedMeanwhile =
        ManagedObjects.scan(stores, ctx.name(), type).objectIdByRemoteId().keySet();
    for (String remoteId : remoteIds) {
      if (linkedMeanwhile.contains(remoteId)) continue;
      counts = counts.plus(SyncOutcome.UNMANAGED, 1);
      remove(type, remoteId);
    }
  }

  private void remove(ObjectType type, String remoteId) {
    SyncResult result;
    try {
      result = objects.sync(ctx, type, UNMANAGED + remoteId, remoteId, false);
    } catch (ProviderQuarantinedException paused) {
      throw paused;
    } catch (FleetException e) {
      result = SyncResult.failed(e.getMessage());
    }
    counts = counts.plus(result.outcome(), 1);
    if (result.outcome() == SyncOutcome.SKIPPED) held++;
    if (result.failed()) error(type, UNMANAGED + remoteId, "removal failed: " + result.error());
  }

  private void error(ObjectType type, String objectId, String message) {
    if (errors.size() < MAX_ERRORS) errors.add(type.label() + " " + objectId + ": " + message);
  }

  /**
   * The attributes to list: those the fleet sends, or all when it sends an extension (not every
   * target takes a schema URN).
   */
  private static List<String> attributes(ObjectType type, ManagedObjects managed) {
    if (managed.paths().isEmpty() || managed.paths().stream().anyMatch(path -> path.contains(":")))
      return List.of();
    List<String> attributes = new ArrayList<>(managed.paths());
    if (type == ObjectType.GROUP) attributes.add("members");
    return attributes;
  }
}
