package io.scimfleet.worker.handler;

import io.scimfleet.error.FleetException;
import io.scimfleet.job.PermanentJobFailure;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.store.PendingJobs;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.ProviderContext;
import io.scimfleet.worker.pipeline.ProviderContexts;
import io.scimfleet.worker.pipeline.ProviderHealth;
import io.scimfleet.worker.pipeline.SyncResult;
import java.util.Optional;

/**
 * Runs a change-driven job. It clears the object's pending mark first, so a change that arrives
 * while it runs enqueues one more job; it then syncs the object's latest state.
 */
public final class ObjectJobHandler implements SyncObjectHandler {
  private final PendingJobs pending;
  private final ProviderContexts contexts;
  private final ObjectSync objects;
  private final FleetMetrics metrics;
  private final ProviderHealth health;

  public ObjectJobHandler(PendingJobs pending, ProviderContexts contexts, ObjectSync objects, FleetMetrics metrics,
      ProviderHealth health) {
    this.health = health;
    this.pending = pending;
    this.contexts = contexts;
    this.objects = objects;
    this.metrics = metrics;
  }

  @Override
  public void run(SyncObjectRequest request) {
    pending.clear(request.provider(), request.type(), request.objectId());
    Optional<ProviderContext> context = contexts.get(request.provider()).filter(c -> c.provider().enabled());
    if (context.isEmpty()) {
      JobLog.info("provider " + request.provider() + " is gone or disabled: nothing to do");
      return;
    }
    SyncResult result = sync(context.get(), request);
    if (result.failed()) throw new PermanentJobFailure(result.error(), null);
    JobLog.info(request.type().label() + " " + request.objectId() + ": " + result.outcome().label());
  }

  private SyncResult sync(ProviderContext context, SyncObjectRequest request) {
    try {
      health.requireOpen(request.provider());
      return objects.sync(context, request.type(), request.objectId(), request.remoteIdAtDelete(), false);
    } catch (FleetException transientFailure) {
      metrics.retry(request.provider());
      throw Retries.later(transientFailure);
    }
  }
}
