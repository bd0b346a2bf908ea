package io.scimfleet.worker.pipeline;

import io.scimfleet.model.DriftCheck;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.store.Stores;
import java.util.List;

/**
 * A plain full sync's look at the target ({@code driftCheck: full}), before its clean-up: reads what
 * the target holds of the fleet's users, then groups ({@link TargetSnapshot}), compares it in memory
 * with what the fleet sends ({@link ManagedAttributes}) and repairs every difference through
 * {@link ObjectSync#repair}: objects deleted on the target are recreated and re-linked, changed
 * attributes re-sent, members added or removed by hand put back to the directory's set. Objects on
 * the target that the fleet does not manage are counted as {@code unmanaged}; with
 * {@code deleteUnmanaged} they are removed, through the deletion guard.
 */
public final class DriftRepair {
  /** What the check found and did; {@code held} removals of unmanaged objects wait for an operator. */
  public record Result(SyncCounts counts, List<String> errors, long held) {
    public static final Result NONE = new Result(SyncCounts.ZERO, List.of(), 0);
  }

  private final Stores stores;
  private final ObjectSync objects;

  public DriftRepair(Stores stores, ObjectSync objects) {
    this.stores = stores;
    this.objects = objects;
  }

  /** Nothing when the provider's drift check is off; a dry run counts what it would repair. Users first, so groups see recreated users. */
  public Result run(ProviderContext ctx) {
    if (ctx.provider().driftCheck() == DriftCheck.OFF) return Result.NONE;
    DriftRun run = new DriftRun(stores, objects, ctx);
    run.check(ObjectType.USER);
    run.check(ObjectType.GROUP);
    return run.result();
  }
}
