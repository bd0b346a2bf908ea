package io.scimfleet.worker.pipeline;

import io.scimfleet.error.FleetException;
import io.scimfleet.model.DriftCheck;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.store.Stores;
import java.time.Instant;
import java.util.List;
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

  public DriftRepair(Stores stores, ObjectSync objects) {
    this.stores = stores;
    this.objects = objects;
  }

  /**
   * Nothing when the provider's drift check is off, or in a dry run (it records no remote ids to
   * compare with). Users first, so groups see recreated users. A type whose check fails (the target
   * unreachable, the provider quarantined) is left for the next run, with the error in this one:
   * the clean-up still runs. Objects created since {@code runStarted} are listed but not compared:
   * the target holds what this run just sent them (on a first full sync, that is every object).
   */
  public Result run(ProviderContext ctx, Instant runStarted) {
    if (ctx.provider().driftCheck() == DriftCheck.OFF || ctx.provider().dryRun())
      return Result.NONE;
    DriftRun run = new DriftRun(stores, objects, ctx, runStarted);
    for (ObjectType type : List.of(ObjectType.USER, ObjectType.GROUP)) {
      try {
        run.check(type);
      } catch (FleetException e) {
        log.warn("{}: drift check of {} stopped: {}", ctx.name(), type.endpoint(), e.getMessage());
        run.stopped(type, e);
      }
    }
    return run.result();
  }
}
