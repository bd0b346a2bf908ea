package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.error.FleetException;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.FeatureUse;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.model.SyncTrigger;
import io.scimfleet.scim.BulkOperation;
import io.scimfleet.scim.BulkResult;
import io.scimfleet.scim.Capabilities;
import io.scimfleet.scim.ConflictException;
import io.scimfleet.scim.NotFoundException;
import io.scimfleet.scim.PatchRequest;
import io.scimfleet.scim.PreconditionFailedException;
import io.scimfleet.scim.ScimClient;
import io.scimfleet.scim.ScimException;
import io.scimfleet.store.LockLostException;
import io.scimfleet.store.ObjectLocks;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full-sync page's user creates and updates in SCIM Bulk requests (RFC 7644 §3.7), when the
 * target announces Bulk and the provider has {@code bulk: auto}. The page's unchanged users cost
 * nothing (as on the single path); the others are locked (one busy elsewhere is left to the single
 * path), read again under their locks, mapped, and sent as one operation each, in requests cut to
 * the target's maxOperations and maxPayloadSize. Each operation's result is recorded for its
 * object: a 409 on a create links the existing object as the single path does, a 404 or 412 on an
 * update goes through the single update (recreate, current ETag), a permanent error is the object's
 * failure. A target that answers a Bulk request 404, 405 or 501 gets single requests from then on
 * (until its provider's settings change). What Bulk cannot settle (a request that fails as a whole,
 * a transient error of one operation, an operation the answer does not mention, removals, dry runs)
 * is left (null) to the single-request path. Each request's users are locked for that request only,
 * their create intents recorded before it is sent ({@link CreateIntents}) and their states stored
 * as soon as its answer is read; a user whose create went out before a crash and was never recorded
 * is left to the single path, which looks for it on the target first.
 */
final class BulkWrites {
  private static final Logger log = LoggerFactory.getLogger(BulkWrites.class);
  private static final Set<Integer> REFUSED = Set.of(404, 405, 501);

  private final Stores stores;
  private final SyncSteps steps;
  private final ProviderPayloads payloads;
  private final RemoteWriter writer;
  private final AttemptLog attempts;
  private final Clock clock;
  private final UserSync users;
  private final FleetMetrics metrics;
  private final FailureRecorder recorder;

  /**
   * Clients whose target answered a Bulk request 404, 405 or 501: single requests until the
   * provider changes.
   */
  private final Set<ScimClient> refusing =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  /** One user to send: what was read under its lock and the operation made of it. */
  private record Planned(
      int index,
      String objectId,
      @Nullable ObjectSyncState state,
      ObjectNode payload,
      String hash,
      BulkOperation operation) {
    boolean creates() {
      return operation.method().equals("POST");
    }
  }

  /** An operation's result, for its object's history and receipt. */
  private record Settled(Planned planned, int status, SyncResult result) {}

  BulkWrites(
      Stores stores,
      SyncSteps steps,
      ProviderPayloads payloads,
      RemoteWriter writer,
      UserSync users,
      FleetMetrics metrics,
      FailureRecorder recorder,
      AttemptLog attempts,
      Clock clock) {
    this.attempts = attempts;
    this.clock = clock;
    this.stores = stores;
    this.steps = steps;
    this.payloads = payloads;
    this.writer = writer;
    this.users = users;
    this.metrics = metrics;
    this.recorder = recorder;
  }

  /**
   * True when this page's writes may go in Bulk requests (the target's word is asked only when
   * there are some).
   */
  boolean applies(ProviderContext ctx, ObjectType type) {
    return type == ObjectType.USER
        && ctx.provider().switches().bulk() == FeatureUse.AUTO
        && !ctx.provider().dryRun()
        && !refusing.contains(ctx.client());
  }

  /**
   * The target announces Bulk; a discovery that fails leaves the page to the single path, which
   * reports it.
   */
  private static boolean offered(ProviderContext ctx) {
    try {
      return RemoteWriter.capabilities(ctx).bulk().supported();
    } catch (FleetException unreachable) {
      return false;
    }
  }

  /** One result per id, in order; null where the single-request path is to sync the object. */
  SyncResult[] run(
      ProviderContext ctx,
      List<String> ids,
      PagePreload preload,
      boolean force,
      SyncTrigger trigger) {
    SyncResult[] results = new SyncResult[ids.size()];
    List<Integer> changed = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      DirectoryUser user = preload.users().get(id);
      // gone: a removal, for the single path (a forced page preloads no users: its plan reads
      // each one under its lock and leaves one that is gone to the single path)
      if (user == null && !force) continue;
      // a new password goes with the single path's create or PATCH
      if (preload.passwordsWaiting().contains(id)) continue;
      if (!force
          && users.unchanged(
              ctx, user, preload.states().get(id), ObjectSync.manager(preload, id))) {
        results[i] = finished(ctx, SyncResult.of(SyncOutcome.UNCHANGED));
      } else {
        changed.add(i);
      }
    }
    if (!changed.isEmpty() && offered(ctx)) sendLocked(ctx, ids, changed, force, trigger, results);
    return results;
  }

  /**
   * The changed users in slices of one Bulk request each: a slice's locks are taken for its request
   * only, and its states are stored as soon as its answer is read.
   */
  private void sendLocked(
      ProviderContext ctx,
      List<String> ids,
      List<Integer> changed,
      boolean force,
      SyncTrigger trigger,
      SyncResult[] results) {
    int perRequest = perRequest(ctx);
    for (int from = 0; from < changed.size(); from += perRequest) {
      List<Integer> slice = changed.subList(from, Math.min(from + perRequest, changed.size()));
      sendOneRequest(ctx, ids, slice, force, trigger, results);
    }
  }

  /** The operations of one Bulk request: the target's maxOperations, else a page. */
  private static int perRequest(ProviderContext ctx) {
    int announced = RemoteWriter.capabilities(ctx).bulk().maxOperations();
    return announced > 0 ? announced : io.scimfleet.store.DirectoryStore.PAGE_SIZE;
  }

  private void sendOneRequest(
      ProviderContext ctx,
      List<String> ids,
      List<Integer> slice,
      boolean force,
      SyncTrigger trigger,
      SyncResult[] results) {
    List<String> sliceIds = slice.stream().map(ids::get).toList();
    try (ObjectLocks.Locks locks =
        stores.locks().acquireFree(ctx.name(), ObjectType.USER, sliceIds, ObjectSync.LOCK_LEASE)) {
      Set<String> held = Set.copyOf(locks.held());
      List<Integer> locked = slice.stream().filter(index -> held.contains(ids.get(index))).toList();
      List<Planned> planned = plan(ctx, ids, locked, force, results);
      if (!planned.isEmpty())
        WriteFence.holding(
            locks.token(),
            () -> {
              send(ctx, planned, trigger, results);
              return null;
            });
    }
  }

  /** Reads the locked users and their states again, and makes an operation of each that changed. */
  private List<Planned> plan(
      ProviderContext ctx,
      List<String> ids,
      List<Integer> locked,
      boolean force,
      SyncResult[] results) {
    List<String> lockedIds = locked.stream().map(ids::get).toList();
    Map<String, DirectoryUser> current =
        stores.directory().users(lockedIds).stream()
            .filter(user -> ctx.userScope().includes(MappingInput.user(user)))
            .collect(Collectors.toMap(DirectoryUser::id, Function.identity()));
    Map<String, ObjectSyncState> states =
        stores.syncState().getAll(ctx.name(), ObjectType.USER, lockedIds);
    Map<String, MappingInput> inputs = inputs(ctx, current.values());
    Set<String> unsettled = writer.intents().unsettled(ctx, ObjectType.USER, lockedIds);
    List<Planned> planned = new ArrayList<>();
    for (int index : locked) {
      String id = ids.get(index);
      ObjectSyncState known = states.get(id);
      if (unsettled.contains(id) && !SyncDecision.onTarget(known))
        continue; // a create sent before a crash: the single path looks for it first
      DirectoryUser user = current.get(id);
      Optional<MappingInput> input = Optional.ofNullable(inputs.get(id));
      if (user == null || input.isEmpty())
        continue; // left the directory or the scope meanwhile: the single path removes it
      if (ProviderPayloads.awaitsManager(user, input.get()))
        continue; // the single path syncs the manager first
      ObjectNode payload;
      String hash;
      SyncDecision.Action action;
      ObjectSyncState state = states.get(id);
      try {
        payload = payloads.mapped(ctx, ObjectType.USER, input.get());
        hash = PayloadHash.of(payload);
        action = SyncDecision.of(state, hash, force);
        if (action == SyncDecision.Action.UNCHANGED) {
          results[index] = finished(ctx, SyncResult.of(SyncOutcome.UNCHANGED));
          continue;
        }
        payloads.requireValid(ctx, ObjectType.USER, payload, hash, state);
      } catch (FleetException invalid) {
        continue; // the single path records why
      }
      operation(ctx, action, state, payload, index)
          .ifPresent(
              operation -> planned.add(new Planned(index, id, state, payload, hash, operation)));
    }
    return planned;
  }

  /** The users as mapping input; none when discovery fails (the single path reports it). */
  private Map<String, MappingInput> inputs(ProviderContext ctx, Collection<DirectoryUser> users) {
    try {
      return payloads.users(ctx, users);
    } catch (FleetException unreachable) {
      return Map.of();
    }
  }

  /**
   * A create (POST) or an update (PATCH, or PUT without PATCH support); empty: for the single path.
   */
  private static Optional<BulkOperation> operation(
      ProviderContext ctx,
      SyncDecision.Action action,
      @Nullable ObjectSyncState state,
      ObjectNode payload,
      int index) {
    String endpoint = ObjectType.USER.endpoint();
    if (action == SyncDecision.Action.CREATE) {
      // adoptExisting searches before each create: that is the single path's
      return ctx.provider().adoptExisting()
          ? Optional.empty()
          : Optional.of(BulkOperation.create(endpoint, "o" + index, payload));
    }
    ObjectSyncState known = Objects.requireNonNull(state, "an update has the user's state");
    String remoteId = SyncDecision.remoteIdOnTarget(known);
    Capabilities capabilities = RemoteWriter.capabilities(ctx);
    BulkOperation operation;
    if (capabilities.patch()) {
      PatchRequest patch = RemoteWriter.replaceAll(payload, known.pathsSent());
      if (patch.isEmpty()) return Optional.empty();
      operation = BulkOperation.patch(endpoint, remoteId, patch);
    } else {
      operation = BulkOperation.replace(endpoint, remoteId, payload);
    }
    String version = RemoteWriter.ifMatch(ctx, known.version());
    return Optional.of(version == null ? operation : operation.withVersion(version));
  }

  /**
   * One slice's operations (the client cuts them further if the payload is too large); the objects
   * of a request that failed as a whole are left to the single path. The new states are stored in
   * one round trip.
   */
  private void send(
      ProviderContext ctx, List<Planned> planned, SyncTrigger trigger, SyncResult[] results) {
    List<BulkResult> answered;
    Instant started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    long startedNanos = System.nanoTime();
    writer
        .intents()
        .intend(
            ctx,
            ObjectType.USER,
            planned.stream().filter(Planned::creates).map(Planned::objectId).toList());
    try {
      answered =
          ctx.client().bulkEachRequestOnItsOwn(planned.stream().map(Planned::operation).toList());
    } catch (FleetException | IllegalStateException unsent) {
      log.warn(
          "provider {}: Bulk failed ({}); sending {} objects one by one",
          ctx.name(),
          unsent.getMessage(),
          planned.size());
      return;
    }
    noteWholeFailures(ctx, answered);
    forgetRefusedCreates(ctx, planned, answered);
    List<ObjectSyncState> states = new ArrayList<>();
    List<Settled> settled = new ArrayList<>();
    for (int i = 0; i < planned.size(); i++) {
      Planned one = planned.get(i);
      SyncResult result = settle(ctx, one, answered.get(i), states);
      if (result == null) continue;
      results[one.index()] = finished(ctx, result);
      settled.add(new Settled(one, answered.get(i).status(), result));
    }
    long tookMillis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    boolean stored = record(ctx, planned, states, results);
    Map<String, @Nullable String> linked = new HashMap<>();
    if (stored) states.forEach(state -> linked.put(state.objectId(), state.remoteId()));
    List<AttemptLog.BulkAttempt> attempted = new ArrayList<>(settled.size());
    for (Settled each : settled) {
      Planned one = each.planned();
      String remoteId =
          linked.containsKey(one.objectId())
              ? linked.get(one.objectId())
              : SyncDecision.remoteId(one.state());
      attempted.add(
          new AttemptLog.BulkAttempt(
              one.objectId(), one.operation().method(), each.status(), each.result(), remoteId));
    }
    // the attempts go to the histories and receipts after the states: a receipt names the remote
    // id the object is linked to now, and the page's writes each take one round trip
    attempts.recordBulk(ctx.name(), ObjectType.USER, trigger, started, tookMillis, attempted);
  }

  /**
   * The request's new states, fenced by its locks' token: refused (a lease ran out under a slow
   * request and another worker took a lock), nothing is recorded and every object of the request is
   * left to the single path, which syncs it under its own lock after the other worker.
   */
  private boolean record(
      ProviderContext ctx,
      List<Planned> planned,
      List<ObjectSyncState> states,
      SyncResult[] results) {
    try {
      stores.syncState().putAll(states, WriteFence.current());
      return true;
    } catch (LockLostException lost) {
      log.warn(lost.getMessage());
      metrics.lockLostWrite(ctx.name(), ObjectType.USER);
      planned.forEach(one -> results[one.index()] = null);
      return false;
    }
  }

  /** The creates the target refused (as a whole request or one by one) created nothing. */
  private void forgetRefusedCreates(
      ProviderContext ctx, List<Planned> planned, List<BulkResult> answered) {
    List<String> refused = new ArrayList<>();
    for (int i = 0; i < planned.size(); i++) {
      BulkResult answer = answered.get(i);
      int status = answer.error() != null ? answer.error().status() : answer.status();
      if (planned.get(i).creates() && CreateIntents.refusal(status))
        refused.add(planned.get(i).objectId());
    }
    if (!refused.isEmpty()) writer.intents().refused(ctx, ObjectType.USER, refused);
  }

  /**
   * Says once per page that requests failed as a whole; a target that does not do Bulk (404, 405,
   * 501) gets no more.
   */
  private void noteWholeFailures(ProviderContext ctx, List<BulkResult> answered) {
    List<ScimException> failures =
        answered.stream()
            .filter(r -> r.status() < 0 && r.error() != null)
            .map(BulkResult::error)
            .toList();
    if (failures.isEmpty()) return;
    if (failures.stream().anyMatch(e -> REFUSED.contains(e.status()))) refusing.add(ctx.client());
    log.warn(
        "provider {}: Bulk requests failed as a whole ({}); sending their {} objects one by one",
        ctx.name(),
        failures.get(0).getMessage(),
        failures.size());
  }

  /** The object's result from its operation's; null to leave it to the single path. */
  private @Nullable SyncResult settle(
      ProviderContext ctx, Planned one, BulkResult answer, List<ObjectSyncState> states) {
    if (answer.ok()) {
      if (one.creates() && answer.id() == null)
        return null; // created, id unknown: the single path links it
      String remoteId = one.creates() ? answer.id() : SyncDecision.remoteId(one.state());
      String version =
          answer.version() != null ? answer.version() : one.creates() ? null : version(one.state());
      return recorded(
          ctx,
          one,
          new Written(
              one.creates() ? SyncOutcome.CREATED : SyncOutcome.UPDATED,
              remoteId,
              version,
              List.of()),
          states);
    }
    ScimException error = answer.error();
    if (answer.status() < 0 || error == null) return null;
    if (one.creates() && error instanceof ConflictException conflict) {
      return followUp(
          ctx,
          one,
          () -> writer.linkExisting(ctx, ObjectType.USER, one.payload(), conflict),
          states);
    }
    if (!one.creates()
        && (error instanceof NotFoundException || error instanceof PreconditionFailedException)) {
      ObjectSyncState known = Objects.requireNonNull(one.state(), "an update has the user's state");
      return followUp(
          ctx,
          one,
          () ->
              writer.update(
                  ctx,
                  ObjectType.USER,
                  one.objectId(),
                  SyncDecision.remoteIdOnTarget(known),
                  known.version(),
                  one.payload(),
                  known.pathsSent(),
                  true),
          states);
    }
    if (error.retryable()) return null; // the single path waits and tries again
    return failed(ctx, one, error);
  }

  /**
   * A single request that finishes an operation's work (link after 409, recreate, current ETag).
   */
  private @Nullable SyncResult followUp(
      ProviderContext ctx, Planned one, Supplier<Written> write, List<ObjectSyncState> states) {
    try {
      return recorded(ctx, one, write.get(), states);
    } catch (ProviderQuarantinedException paused) {
      throw paused;
    } catch (FleetException e) {
      if (e.retryable()) return null;
      return failed(ctx, one, e);
    }
  }

  /**
   * The object's new state joins {@code states}, stored when the request's results are all read.
   */
  private SyncResult recorded(
      ProviderContext ctx, Planned one, Written written, List<ObjectSyncState> states) {
    states.add(
        steps.state(
            ctx,
            ObjectType.USER,
            one.objectId(),
            written,
            one.hash(),
            RemoteWriter.paths(one.payload()),
            password(one.state())));
    recorder.succeeded(ctx);
    return SyncResult.of(written.outcome());
  }

  private static @Nullable String version(@Nullable ObjectSyncState state) {
    return state == null ? null : state.version();
  }

  private static @Nullable String password(@Nullable ObjectSyncState state) {
    return state == null ? null : state.password();
  }

  private SyncResult failed(ProviderContext ctx, Planned one, FleetException e) {
    return recorder.failed(ctx, ObjectType.USER, one.objectId(), one.state(), e);
  }

  private SyncResult finished(ProviderContext ctx, SyncResult result) {
    metrics.objectSynced(ctx.name(), ObjectType.USER, result.outcome());
    return result;
  }
}
