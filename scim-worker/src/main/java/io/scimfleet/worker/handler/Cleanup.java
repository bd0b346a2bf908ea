package io.scimfleet.worker.handler;

import io.scimfleet.mapping.MappingInput;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.model.SyncTrigger;
import io.scimfleet.store.Page;
import io.scimfleet.store.Stores;
import io.scimfleet.worker.pipeline.DriftRepair;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.ProviderContext;
import io.scimfleet.worker.pipeline.SyncDecision;
import io.scimfleet.worker.pipeline.SyncResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A full sync's last phase: first the drift check ({@link DriftRepair}, unless the provider turned
 * it off), then the clean-up proper: finds what the target still has from us that the directory or
 * the scope no longer holds, and deletes or deactivates it, through the deletion guard like every
 * removal: those beyond the provider's deletion threshold are held, and the run says so.
 */
public final class Cleanup {
  /** done false: the deletion guard held some removals; message says what it found. */
  public record Result(boolean done, @Nullable String message) {}

  private record Candidate(ObjectType type, String id) {}

  private final Stores stores;
  private final ObjectSync objects;
  private final DriftRepair drift;

  public Cleanup(Stores stores, ObjectSync objects) {
    this(stores, objects, Clock.systemUTC(), new FleetMetrics());
  }

  /** {@code clock} decides when the drift check reads the target in full. */
  public Cleanup(Stores stores, ObjectSync objects, Clock clock, FleetMetrics metrics) {
    this.stores = stores;
    this.objects = objects;
    this.drift = new DriftRepair(stores, objects, clock, metrics);
  }

  Result run(ProviderContext ctx, String runId, Instant runStarted) {
    return run(ctx, runId, runStarted, false);
  }

  /**
   * @param runStarted when the run started: what it created since holds what was just sent
   * @param force a forced full sync: the drift check reads the target in full
   */
  Result run(ProviderContext ctx, String runId, Instant runStarted, boolean force) {
    DriftRepair.Result repaired = drift.run(ctx, runStarted, force);
    if (!repaired.equals(DriftRepair.Result.NONE)) {
      stores
          .syncState()
          .addPageResult(ctx.name(), runId, "drift", repaired.counts(), repaired.errors());
    }
    Result result = cleanUp(ctx, runId);
    if (repaired.held() == 0) return result;
    String unmanaged =
        repaired.held() + " removals of unmanaged objects held by the deletion guard";
    return new Result(
        false,
        result.message() == null
            ? unmanaged + ": " + release(ctx)
            : result.message() + "; " + unmanaged);
  }

  private Result cleanUp(ProviderContext ctx, String runId) {
    List<Candidate> candidates = new ArrayList<>();
    long managed = 0;
    for (ObjectType type : ObjectType.values()) managed += findCandidates(ctx, type, candidates);
    String found = candidates.size() + " of " + managed + " objects";
    SyncCounts counts = SyncCounts.ZERO;
    List<String> errors = new ArrayList<>();
    for (Candidate candidate : candidates) {
      SyncResult result =
          objects.sync(ctx, candidate.type(), candidate.id(), null, false, SyncTrigger.FULL_SYNC);
      counts = counts.plus(result.outcome(), 1);
      if (result.failed())
        errors.add(candidate.type().label() + " " + candidate.id() + ": " + result.error());
    }
    stores.syncState().addPageResult(ctx.name(), runId, "cleanup", counts, errors);
    if (counts.skipped() > 0) return new Result(false, held(ctx, found, counts.skipped()));
    return new Result(true, candidates.isEmpty() ? null : "clean-up removed " + found);
  }

  /** A candidate has a remote id, so a skipped removal is one the deletion guard held. */
  private static String held(ProviderContext ctx, String found, long held) {
    return "clean-up found "
        + found
        + " to remove and held "
        + held
        + ", beyond the deletion threshold of "
        + ctx.provider().deletionThresholdPercent()
        + "% within "
        + ctx.provider().deletionWindow()
        + ": "
        + release(ctx);
  }

  private static String release(ProviderContext ctx) {
    return "POST /api/v1/providers/"
        + ctx.name()
        + "/deletions/release sends them, DELETE /api/v1/providers/"
        + ctx.name()
        + "/deletions drops them";
  }

  /**
   * Adds this type's candidates; returns how many objects of this type the fleet manages on the
   * target.
   */
  private long findCandidates(ProviderContext ctx, ObjectType type, List<Candidate> candidates) {
    long managed = 0;
    String cursor = null;
    do {
      Page<String> page = stores.syncState().objectIds(ctx.name(), type, cursor, 100);
      Map<String, ObjectSyncState> states =
          stores.syncState().getAll(ctx.name(), type, page.items());
      Set<String> present = inScope(ctx, type, page.items());
      for (String id : page.items()) {
        ObjectSyncState state = states.get(id);
        if (!SyncDecision.onTarget(state)) continue;
        managed++;
        if (SyncDecision.removalCandidate(ctx, type, state, present.contains(id)))
          candidates.add(new Candidate(type, id));
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    return managed;
  }

  /**
   * The ids among {@code ids} whose objects are in the directory and in scope; when the scope lets
   * everything in, only whether they are in the directory is read, not the objects.
   */
  private Set<String> inScope(ProviderContext ctx, ObjectType type, List<String> ids) {
    if (ctx.scope(type).everything()) return stores.directory().present(type, ids);
    if (type == ObjectType.USER) {
      return ctx.userScope()
          .idsInScope(stores.directory().users(ids).stream().map(MappingInput::user).toList());
    }
    return ctx.groupScope()
        .idsInScope(
            stores.directory().groups(ids).stream()
                .map(g -> MappingInput.group(g, List.of()))
                .toList());
  }
}
