package io.scimfleet.worker.pipeline;

import io.scimfleet.error.FleetException;
import io.scimfleet.job.jobrunr.Crons;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.DriftCheck;
import io.scimfleet.model.DriftMarks;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain full sync's look at the target ({@code driftCheck: full}), before its clean-up: reads
 * what the target holds of the fleet's users, then groups ({@link TargetSnapshot}), compares it in
 * memory with what the fleet sends ({@link ManagedAttributes}) and repairs every difference through
 * {@link ObjectSync#repair}: objects deleted on the target are recreated and re-linked, changed
 * attributes re-sent, members added or removed by hand put back to the directory's set. Objects on
 * the target that the fleet does not manage are counted as {@code unmanaged}; with {@code
 * deleteUnmanaged} they are removed, through the deletion guard.
 *
 * <p>The full read happens on the provider's {@code driftCheckCron} (the first full sync after each
 * of its times), on a forced full sync, when asked ({@code ?drift=full}) and on the first check;
 * the plain full syncs between check only what changed on the target since ({@link
 * DriftRun#checkChanges}), the way {@link DriftProbe} found out once. What the checks remember is
 * in the provider's {@link DriftMarks}.
 */
public final class DriftRepair {
  private static final Logger log = LoggerFactory.getLogger(DriftRepair.class);

  /**
   * What the check found and did; {@code held} removals of unmanaged objects wait for an operator.
   */
  public record Result(SyncCounts counts, List<String> errors, long held) {
    public static final Result NONE = new Result(SyncCounts.ZERO, List.of(), 0);
  }

  private final Stores stores;
  private final ObjectSync objects;
  private final Clock clock;
  private final FleetMetrics metrics;

  public DriftRepair(Stores stores, ObjectSync objects) {
    this(stores, objects, Clock.systemUTC(), new FleetMetrics());
  }

  public DriftRepair(Stores stores, ObjectSync objects, Clock clock, FleetMetrics metrics) {
    this.stores = stores;
    this.objects = objects;
    this.clock = clock;
    this.metrics = metrics;
  }

  public Result run(ProviderContext ctx, Instant runStarted) {
    return run(ctx, runStarted, false);
  }

  /**
   * Nothing when the provider's drift check is off, or in a dry run (it records no remote ids to
   * compare with). Users first, so groups see recreated users. A type whose check fails (the target
   * unreachable, the provider quarantined) is left for the next run, with the error in this one:
   * the clean-up still runs. Objects created since {@code runStarted} are listed but not compared:
   * the target holds what this run just sent them (on a first full sync, that is every object).
   * Objects updated since then (on a forced sync, every object sent) are not compared either while
   * the target shows no change since the write ({@code meta.lastModified}, {@code meta.version}).
   *
   * @param force a forced full sync: read the target in full
   */
  public Result run(ProviderContext ctx, Instant runStarted, boolean force) {
    if (ctx.provider().driftCheck() == DriftCheck.OFF || ctx.provider().dryRun())
      return Result.NONE;
    Instant now = clock.instant();
    DriftMarks marks = stores.syncState().driftMarks(ctx.name());
    boolean full = fullReadDue(ctx.provider(), marks, now, force);
    DriftRun run = new DriftRun(stores, objects, ctx, runStarted, marks);
    DriftMarks.Incremental mode = marks.incremental();
    DriftMarks.Incremental verified = null;
    boolean complete = true;
    for (ObjectType type : List.of(ObjectType.USER, ObjectType.GROUP)) {
      try {
        if (full) {
          run.check(type);
          continue;
        }
        if (mode == null) {
          verified = DriftProbe.verify(ctx);
          mode = verified == null ? DriftMarks.Incremental.LISTING : verified;
          log.info("{}: incremental drift check by {}", ctx.name(), mode.label());
        }
        run.checkChanges(type, mode);
      } catch (FleetException e) {
        log.warn("{}: drift check of {} stopped: {}", ctx.name(), type.endpoint(), e.getMessage());
        run.stopped(type, e);
        complete = false;
      }
    }
    if (full && complete && mode == null) verified = verifyAfterFullRead(ctx);
    DriftMarks after = run.marks();
    if (verified != null) after = after.withIncremental(verified);
    if (run.filterRefused()) after = after.withIncremental(null);
    if (complete) after = full ? after.withFullCheck(now) : after.withIncrementalCheck(now);
    stores.syncState().putDriftMarks(ctx.name(), after);
    if (complete) metrics.driftChecked(ctx.name(), full, now);
    return run.result();
  }

  /**
   * How the checks between full reads will read the target, found out once, after a full read (so
   * the first of those checks does not pay for it); null when the target cannot tell yet or failed
   * to answer (then the next check asks).
   */
  private static DriftMarks.@Nullable Incremental verifyAfterFullRead(ProviderContext ctx) {
    try {
      DriftMarks.Incremental verified = DriftProbe.verify(ctx);
      if (verified != null)
        log.info("{}: the drift checks between full reads go by {}", ctx.name(), verified.label());
      return verified;
    } catch (FleetException e) {
      log.warn(
          "{}: how to check the target for changes is not known yet: {}",
          ctx.name(),
          e.getMessage());
      return null;
    }
  }

  /**
   * A forced sync, a full read asked for, the first check, or a time of {@code driftCheckCron}
   * since the last full read.
   */
  static boolean fullReadDue(Provider provider, DriftMarks marks, Instant now, boolean force) {
    if (force || marks.lastFullCheck() == null || marks.fullRequested()) return true;
    try {
      return Crons.firedBetween(provider.driftCheckCron(), marks.lastFullCheck(), now);
    } catch (RuntimeException unreadable) {
      return true; // validated when saved: never here
    }
  }
}
