package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.error.FleetException;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.DriftMarks;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.scim.Filter;
import io.scimfleet.scim.ListResponse;
import io.scimfleet.scim.ScimException;
import io.scimfleet.scim.ScimResource;
import io.scimfleet.scim.SearchRequest;
import io.scimfleet.store.Stores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One drift check of one provider: per type, the managed objects from the sync states, then the
 * target's pages compared with them as they come (one read of states and one of the directory per
 * page of 100), then by id the managed objects the listing did not show (gone, unless the listing
 * was short) and groups listed without members. Between two full reads ({@link #checkChanges}) only
 * what changed on the target since the last check is read. Holds the counts, and what the next
 * check starts from ({@link #marks}).
 */
final class DriftRun {
  /**
   * The object id under which an unmanaged object's removal goes through the pipeline (and the
   * guard).
   */
  static final String UNMANAGED = "unmanaged:";

  private static final int MAX_ERRORS = 100;

  /** What a listing that only finds changes and deletions asks for. */
  static final List<String> ID_META = List.of("id", "meta");

  private final Stores stores;
  private final ObjectSync objects;
  private final ProviderContext ctx;
  private final Instant runStarted;
  private final DriftMarks before;
  private final Map<ObjectType, DriftMarks.TypeMarks> after = new EnumMap<>(ObjectType.class);
  private boolean filterRefused;
  private final Set<String> recreatedUsers = new HashSet<>();
  private final List<String> errors = new ArrayList<>();
  private SyncCounts counts = SyncCounts.ZERO;
  private long held;
  private boolean targetShowsMembers;

  DriftRun(
      Stores stores,
      ObjectSync objects,
      ProviderContext ctx,
      Instant runStarted,
      DriftMarks before) {
    this.stores = stores;
    this.objects = objects;
    this.ctx = ctx;
    this.runStarted = runStarted;
    this.before = before;
  }

  /** The marks the check started from, with what it learned of each type it checked. */
  DriftMarks marks() {
    DriftMarks marks = before;
    for (Map.Entry<ObjectType, DriftMarks.TypeMarks> type : after.entrySet())
      marks = marks.with(type.getKey(), type.getValue());
    return marks;
  }

  /**
   * The target refused the filtered listing, or the sorted one, it had honoured (or stopped
   * sorting): verify it again next time.
   */
  boolean filterRefused() {
    return filterRefused;
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
    @Nullable Instant[] latest = {null};
    boolean listed =
        TargetSnapshot.list(
            ctx,
            type,
            withMeta(attributes(type, managed)),
            page -> {
              List<String> ours = new ArrayList<>();
              Map<String, ScimResource> found = new HashMap<>();
              for (ScimResource resource : page) {
                notListed.remove(resource.id());
                latest[0] = later(latest[0], TargetSnapshot.lastModified(resource));
                if (managed.objectId(resource.id()) == null) {
                  unmanagedCount[0]++;
                  // one listed without an id cannot be addressed: counted, never removed
                  if (removing && resource.id() != null) unmanaged.add(resource.id());
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
    long left = removing ? (unmanagedCount[0] == 0 ? 0 : -1) : unmanagedCount[0];
    after.put(
        type, listed ? new DriftMarks.TypeMarks(latest[0], left) : DriftMarks.TypeMarks.UNKNOWN);
  }

  /**
   * The check between two full reads. One request asks the target how many objects of this type it
   * holds (one of them shown with its {@code meta}); when that is what the fleet manages plus the
   * unmanaged ones the last check saw, and the target honours the filter, only the objects whose
   * {@code meta.lastModified} is later than the latest seen before are listed and compared; where
   * it honours sorting instead, its objects are read newest first up to the first one not later
   * ({@link #newestFirst}). Where it does neither ({@code listing}), a number that agrees ends the
   * check: the attribute edits wait for the full read on {@code driftCheckCron}. Another number
   * (something was deleted or created by hand) lists the target with {@code id} and {@code meta}
   * only, and the managed objects changed since the last listing, or not listed, are read by id.
   * With no {@code meta.lastModified} on the target ({@code none}) a number that disagrees is
   * looked into for deletions only.
   */
  void checkChanges(ObjectType type, DriftMarks.Incremental mode) {
    DriftMarks.TypeMarks last = before.of(type);
    ManagedObjects managed = ManagedObjects.scan(stores, ctx.name(), type);
    ListResponse probe;
    try {
      probe =
          ctx.client()
              .search(type.endpoint(), SearchRequest.all().withCount(1).withAttributes(ID_META));
    } catch (ScimException refused) {
      if (!TargetSnapshot.refusesListing(refused)) throw refused;
      return; // a target that lists nothing: only the full read (by id) looks
    }
    boolean countsAgree =
        last.unmanaged() >= 0
            && probe.totalResults() == managed.objectIdByRemoteId().size() + last.unmanaged();
    boolean countOnly =
        mode == DriftMarks.Incremental.LISTING || mode == DriftMarks.Incremental.NONE;
    if (countOnly && countsAgree) countUnmanagedAsBefore(last);
    else if (mode == DriftMarks.Incremental.NONE) listChanges(type, managed, last, null);
    else if (last.since() == null) {
      check(type); // nothing seen to start from (the target was empty): read it all
      return;
    } else if (mode == DriftMarks.Incremental.FILTER && countsAgree)
      filterChanges(type, managed, last);
    else if (mode == DriftMarks.Incremental.SORT && countsAgree) newestFirst(type, managed, last);
    else listChanges(type, managed, last, last.since());
    if (type == ObjectType.GROUP) readGroupsOfRecreatedUsers(managed);
  }

  /**
   * The groups that had a user recreated by this check among their members: the target may still
   * list the old remote id, or none, without the group having changed.
   */
  private void readGroupsOfRecreatedUsers(ManagedObjects managed) {
    if (recreatedUsers.isEmpty()) return;
    List<String> objectIds = new ArrayList<>(managed.objectIdByRemoteId().values());
    List<String> affected = new ArrayList<>();
    for (int from = 0; from < objectIds.size(); from += TargetSnapshot.PAGE) {
      List<String> chunk =
          objectIds.subList(from, Math.min(objectIds.size(), from + TargetSnapshot.PAGE));
      for (ObjectSyncState state :
          stores.syncState().getAll(ctx.name(), ObjectType.GROUP, chunk).values()) {
        if (state.remoteId() != null
            && state.membersSent().stream().anyMatch(recreatedUsers::contains))
          affected.add(state.remoteId());
      }
    }
    readById(ObjectType.GROUP, managed, affected);
  }

  /**
   * Lists {@code id} and {@code meta} of every object: those managed and changed after {@code
   * since} (null: none is taken for changed), or not listed, are read by id and compared.
   */
  private void listChanges(
      ObjectType type, ManagedObjects managed, DriftMarks.TypeMarks last, @Nullable Instant since) {
    Set<String> notListed = new HashSet<>(managed.objectIdByRemoteId().keySet());
    List<String> changed = new ArrayList<>();
    long[] unmanagedCount = {0};
    @Nullable Instant[] latest = {last.since()};
    boolean listed =
        TargetSnapshot.list(
            ctx,
            type,
            ID_META,
            page -> {
              for (ScimResource resource : page) {
                notListed.remove(resource.id());
                Instant modified = TargetSnapshot.lastModified(resource);
                latest[0] = later(latest[0], modified);
                if (managed.objectId(resource.id()) == null) unmanagedCount[0]++;
                else if (since != null && (modified == null || modified.isAfter(since)))
                  changed.add(resource.id());
              }
            });
    if (!listed) return;
    counts = counts.plus(SyncOutcome.UNMANAGED, unmanagedCount[0]); // counted, never removed here
    for (String remoteId : managed.objectIdByRemoteId().keySet())
      if (notListed.contains(remoteId)) changed.add(remoteId);
    readById(type, managed, changed);
    after.put(type, new DriftMarks.TypeMarks(latest[0], unmanagedCount[0]));
  }

  /**
   * Lists, with the managed attributes, the objects changed on the target since the latest time
   * seen, and compares the managed ones.
   */
  private void filterChanges(ObjectType type, ManagedObjects managed, DriftMarks.TypeMarks last) {
    Instant since =
        Objects.requireNonNull(last.since(), "the changes are filtered from the latest time seen");
    List<String> withoutMembers = new ArrayList<>();
    @Nullable Instant[] latest = {last.since()};
    boolean listed =
        TargetSnapshot.list(
            ctx,
            type,
            changedSince(since),
            withMeta(attributes(type, managed)),
            page -> {
              List<String> ours = new ArrayList<>();
              Map<String, ScimResource> found = new HashMap<>();
              for (ScimResource resource : page) {
                latest[0] = later(latest[0], TargetSnapshot.lastModified(resource));
                if (managed.objectId(resource.id()) != null) {
                  ours.add(resource.id());
                  found.put(resource.id(), resource);
                }
              }
              compare(type, managed, ours, found, withoutMembers);
            });
    if (!listed) {
      filterRefused = true;
      listChanges(type, managed, last, since);
      return;
    }
    readById(type, managed, withoutMembers);
    countUnmanagedAsBefore(last);
    after.put(type, new DriftMarks.TypeMarks(latest[0], last.unmanaged()));
  }

  /**
   * Reads, with the managed attributes, the target's objects sorted by {@code meta.lastModified}
   * descending, one page after the other, and compares the managed ones, up to the first object not
   * changed since the latest time seen (typically within the first page). A page out of that order
   * (the target stopped sorting) or a refused sort falls back to the {@code id,meta} listing, and
   * the sort is verified again next time.
   */
  private void newestFirst(ObjectType type, ManagedObjects managed, DriftMarks.TypeMarks last) {
    Instant since =
        Objects.requireNonNull(last.since(), "the changes are read from the latest time seen");
    List<String> withoutMembers = new ArrayList<>();
    Instant latest = since;
    SearchRequest request =
        SearchRequest.all()
            .withStartIndex(1)
            .withCount(TargetSnapshot.PAGE)
            .withAttributes(withMeta(attributes(type, managed)))
            .sortedBy(DriftProbe.LAST_MODIFIED, true);
    @Nullable Instant previous = null;
    boolean reachedOlder = false;
    while (!reachedOlder) {
      ListResponse page = sortedPage(type, request);
      boolean outOfOrder = page == null;
      List<String> ours = new ArrayList<>();
      Map<String, ScimResource> found = new HashMap<>();
      for (ScimResource resource : page == null ? List.<ScimResource>of() : page.resources()) {
        Instant modified = TargetSnapshot.lastModified(resource);
        if (modified != null && previous != null && modified.isAfter(previous)) {
          outOfOrder = true; // not sorted after all
          break;
        }
        if (modified != null && !modified.isAfter(since)) {
          reachedOlder = true;
          break;
        }
        if (modified != null) previous = modified;
        latest = later(latest, modified);
        if (managed.objectId(resource.id()) != null) {
          ours.add(resource.id());
          found.put(resource.id(), resource);
        }
      }
      if (outOfOrder || page == null) {
        filterRefused = true;
        listChanges(type, managed, last, since);
        return;
      }
      compare(type, managed, ours, found, withoutMembers);
      int size = page.resources().size();
      int next = Objects.requireNonNull(request.startIndex()) + size;
      if (size == 0 || (size < TargetSnapshot.PAGE && next > page.totalResults())) break;
      request = request.withStartIndex(next);
    }
    readById(type, managed, withoutMembers);
    countUnmanagedAsBefore(last);
    after.put(type, new DriftMarks.TypeMarks(latest, last.unmanaged()));
  }

  /** One page of the newest-first reading; null when the target refuses it. */
  private @Nullable ListResponse sortedPage(ObjectType type, SearchRequest request) {
    try {
      return ctx.client().search(type.endpoint(), request);
    } catch (ScimException refused) {
      if (!TargetSnapshot.refusesListing(refused)) throw refused;
      return null;
    }
  }

  /** The number of objects agreed: the unmanaged ones are as many as the last listing saw. */
  private void countUnmanagedAsBefore(DriftMarks.TypeMarks last) {
    if (last.unmanaged() > 0) counts = counts.plus(SyncOutcome.UNMANAGED, last.unmanaged());
  }

  /** {@code meta.lastModified gt "<since>"}. */
  static Filter changedSince(Instant since) {
    return Filter.gt("meta.lastModified", since.toString());
  }

  private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) return b;
    return b == null || !b.isAfter(a) ? a : b;
  }

  /** Asking for these attributes and {@code meta}; empty (all) stays all. */
  private static List<String> withMeta(List<String> attributes) {
    if (attributes.isEmpty() || attributes.contains("meta")) return attributes;
    List<String> with = new ArrayList<>(attributes);
    with.add("meta");
    return with;
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
      @Nullable List<String> withoutMembers) {
    if (remoteIds.isEmpty()) return;
    Map<String, String> objectIds = new HashMap<>();
    remoteIds.forEach(remoteId -> objectIds.put(managed.objectId(remoteId), remoteId));
    Map<String, ObjectSyncState> states =
        stores.syncState().getAll(ctx.name(), type, objectIds.keySet());
    // those this run wrote and the target kept as written are neither mapped nor compared
    objectIds
        .entrySet()
        .removeIf(
            object -> {
              ObjectSyncState state = states.get(object.getKey());
              return state == null
                  || !checked(state, object.getValue())
                  || createdByThisRun(state)
                  || keptSinceThisRunsWrite(state, found.get(object.getValue()));
            });
    Map<String, MappingInput> inputs = inScope(type, objectIds.keySet());
    for (Map.Entry<String, String> object : objectIds.entrySet()) {
      ObjectSyncState state = states.get(object.getKey());
      MappingInput input = inputs.get(object.getKey());
      if (input == null || state == null) continue;
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
      return objects
          .payloads()
          .users(ctx, users.stream().filter(u -> inScope.contains(u.id())).toList());
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
    return remoteId.equals(state.remoteId())
        && state.outcome() != SyncOutcome.FAILED
        && state.outcome() != SyncOutcome.DEACTIVATED;
  }

  private boolean createdByThisRun(ObjectSyncState state) {
    Instant time = state.time();
    return state.outcome() == SyncOutcome.CREATED && time != null && !time.isBefore(runStarted);
  }

  /**
   * Updated by this run (its sync state's time is not before the run's start) and, by all the
   * target shows, not changed there since: its {@code meta.lastModified}, when shown, is not later
   * than the state's time (taken after the target answered the write), and its {@code
   * meta.version}, when both sides have one, is the one the write returned. Both must hold: a
   * target may keep its version through a hand edit, and one whose clock runs ahead is simply
   * compared. A target that shows neither is taken at its word, as for a created object. A group
   * whose members include a user this check recreated is compared; one not found on the target
   * (null) too, so it is recreated.
   */
  private boolean keptSinceThisRunsWrite(ObjectSyncState state, @Nullable ScimResource onTarget) {
    Instant written = state.time();
    if (onTarget == null
        || state.outcome() != SyncOutcome.UPDATED
        || written == null
        || written.isBefore(runStarted)
        || state.membersSent().stream().anyMatch(recreatedUsers::contains)) return false;
    Instant modified = TargetSnapshot.lastModified(onTarget);
    if (modified != null && modified.isAfter(written)) return false;
    String version = onTarget.version().orElse(null);
    return version == null || state.version() == null || version.equals(state.version());
  }

  /** Deleted on the target: forget the remote id, so the sync creates (or links) it again. */
  private static ObjectSyncState gone(ObjectSyncState state) {
    return state.toBuilder()
        .remoteId(null)
        .version(null)
        .payloadHash(null)
        .membersSent(List.of())
        .password(null)
        .build();
  }

  /**
   * How to make the state say what the target holds, or null when the target holds what the fleet
   * sends.
   */
  private @Nullable UnaryOperator<ObjectSyncState> difference(
      ObjectType type, MappingInput input, ObjectSyncState state, ScimResource onTarget) {
    ObjectNode payload;
    try {
      payload = objects.payloads().mapped(ctx, type, input);
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
  private @Nullable Set<String> membersOnTarget(ScimResource onTarget, ObjectSyncState state) {
    Set<String> members = ManagedAttributes.members(onTarget.json());
    if (members != null && !members.isEmpty()) targetShowsMembers = true;
    if (members != null) return members;
    return targetShowsMembers || state.membersSent().isEmpty() ? Set.of() : null;
  }

  private static UnaryOperator<ObjectSyncState> withoutHash(@Nullable Set<String> members) {
    return withoutHash(members, true);
  }

  /**
   * No payload hash (so the sync writes again); the members the target holds, for a group; a group
   * whose attributes are as sent keeps their hash, so only its membership is written.
   */
  private static UnaryOperator<ObjectSyncState> withoutHash(
      @Nullable Set<String> members, boolean attributes) {
    return state -> {
      String kept =
          attributes
              ? null
              : GroupHash.parse(state.payloadHash())
                  .map(hash -> hash.drifted().stored())
                  .orElse(null);
      List<String> sent =
          members == null ? state.membersSent() : List.copyOf(new TreeSet<>(members));
      return state.toBuilder().payloadHash(kept).membersSent(sent).password(null).build();
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
    int withoutId = unmanagedCount - remoteIds.size();
    if (withoutId > 0) counts = counts.plus(SyncOutcome.UNMANAGED, withoutId);
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
