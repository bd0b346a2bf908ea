package io.scimfleet.worker.handler;

import io.scimfleet.error.FleetException;
import io.scimfleet.job.ReleaseDeletionsHandler;
import io.scimfleet.job.ReleaseDeletionsRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.HeldDeletion;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.store.DeletionStore;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.ProviderContext;
import io.scimfleet.worker.pipeline.ProviderContexts;
import io.scimfleet.worker.pipeline.SyncResult;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sends the removals an operator released: each held object is synced again past the deletion
 * guard, oldest first, a hundred at a time. A transient failure retries the job, which goes on with
 * what is still held; an object held again while this runs waits for the next release.
 */
public final class DeletionRelease implements ReleaseDeletionsHandler {
  private static final int BATCH = 100;

  private final DeletionStore deletions;
  private final ProviderContexts contexts;
  private final ObjectSync objects;
  private final FleetMetrics metrics;

  public DeletionRelease(
      DeletionStore deletions,
      ProviderContexts contexts,
      ObjectSync objects,
      FleetMetrics metrics) {
    this.deletions = deletions;
    this.contexts = contexts;
    this.objects = objects;
    this.metrics = metrics;
  }

  @Override
  public void run(ReleaseDeletionsRequest request) {
    Optional<ProviderContext> context =
        contexts.get(request.provider()).filter(c -> c.provider().enabled());
    if (context.isEmpty()) {
      JobLog.info("provider " + request.provider() + " is gone or disabled: nothing released");
      return;
    }
    Set<String> seen = new HashSet<>();
    SyncCounts counts = SyncCounts.ZERO;
    for (List<HeldDeletion> batch = unseen(request.provider(), seen);
        !batch.isEmpty();
        batch = unseen(request.provider(), seen)) {
      for (HeldDeletion held : batch)
        counts = counts.plus(release(context.get(), held).outcome(), 1);
    }
    JobLog.info(
        "released " + counts.total() + " held removals of " + request.provider() + ": " + counts);
  }

  private SyncResult release(ProviderContext context, HeldDeletion held) {
    try {
      SyncResult result = objects.release(context, held);
      if (result.failed())
        JobLog.warn(held.type().label() + " " + held.objectId() + ": " + result.error());
      return result;
    } catch (FleetException transientFailure) {
      metrics.retry(held.provider());
      throw Retries.later(transientFailure);
    }
  }

  private List<HeldDeletion> unseen(String provider, Set<String> seen) {
    return deletions.held(provider, BATCH + seen.size()).stream()
        .filter(held -> seen.add(held.type().label() + ":" + held.objectId()))
        .limit(BATCH)
        .toList();
  }
}
