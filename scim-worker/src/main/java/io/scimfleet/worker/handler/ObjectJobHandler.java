package io.scimfleet.worker.handler;

import io.scimfleet.config.Pacing;
import io.scimfleet.error.FleetException;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.PermanentJobFailure;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.store.PendingJobs;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.ProviderContext;
import io.scimfleet.worker.pipeline.ProviderContexts;
import io.scimfleet.worker.pipeline.ProviderHealth;
import io.scimfleet.worker.pipeline.ProviderQuarantinedException;
import io.scimfleet.worker.pipeline.SyncResult;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs a change-driven job. When its provider already holds all the job threads it may, the job
 * hands itself back. Otherwise it clears the object's pending mark, so a change that arrives while
 * it runs enqueues one more job, and syncs the object's latest state. A transient failure with a
 * short wait is retried here, at the target's Retry-After; a longer one goes back to the queue.
 */
public final class ObjectJobHandler implements SyncObjectHandler {
  static final Duration HAND_BACK_AFTER = Duration.ofSeconds(1);

  /** How long a job waits for a slot of its provider before it hands itself back. */
  static final Duration SLOT_WAIT = Duration.ofMillis(100);

  private final PendingJobs pending;
  private final ProviderContexts contexts;
  private final ObjectSync objects;
  private final FleetMetrics metrics;
  private final ProviderHealth health;
  private final JobQueue queue;
  private final ProviderJobSlots slots;
  private final Pacing pacing;

  public ObjectJobHandler(
      PendingJobs pending,
      ProviderContexts contexts,
      ObjectSync objects,
      FleetMetrics metrics,
      ProviderHealth health,
      JobQueue queue,
      ProviderJobSlots slots,
      Pacing pacing) {
    this.health = health;
    this.pending = pending;
    this.contexts = contexts;
    this.objects = objects;
    this.metrics = metrics;
    this.queue = queue;
    this.slots = slots;
    this.pacing = pacing;
  }

  @Override
  public void run(SyncObjectRequest request) {
    if (!slots.tryTake(request, SLOT_WAIT)) {
      JobLog.info(request.provider() + " holds all the job threads it may: handed back");
      queue.handBack(request, HAND_BACK_AFTER);
      return;
    }
    try {
      runInSlot(request);
    } finally {
      slots.release(request.provider());
    }
  }

  private void runInSlot(SyncObjectRequest request) {
    pending.clear(request.provider(), request.type(), request.objectId());
    Optional<ProviderContext> context =
        contexts.get(request.provider()).filter(c -> c.provider().enabled());
    if (context.isEmpty()) {
      JobLog.info("provider " + request.provider() + " is gone or disabled: nothing to do");
      return;
    }
    SyncResult result = syncWithRetries(context.get(), request);
    if (result.failed()) throw new PermanentJobFailure(result.failure(), null);
    JobLog.info(
        request.type().label() + " " + request.objectId() + ": " + result.outcome().label());
  }

  /**
   * The provider's health is checked once, before the first try; a try whose failures quarantined
   * it pauses the next one ({@link ProviderHealth}).
   */
  private SyncResult syncWithRetries(ProviderContext context, SyncObjectRequest request) {
    try {
      health.requireOpen(request.provider());
    } catch (ProviderQuarantinedException paused) {
      throw Retries.later(paused);
    }
    for (int attempt = 1; ; attempt++) {
      FleetException failure;
      try {
        return objects.sync(
            context,
            request.type(),
            request.objectId(),
            request.remoteIdAtDelete(),
            request.force(),
            request.trigger());
      } catch (ProviderQuarantinedException paused) {
        throw Retries.later(paused);
      } catch (FleetException transientFailure) {
        failure = transientFailure;
      }
      metrics.retry(request.provider());
      Duration wait = Retries.waitAfter(failure, attempt);
      if (attempt >= pacing.attemptsInJob() || wait.compareTo(pacing.longestWaitInJob()) > 0) {
        throw Retries.later(failure);
      }
      JobLog.warn(
          request.jobName()
              + ": "
              + failure.getMessage()
              + "; try "
              + (attempt + 1)
              + " in "
              + wait.toMillis()
              + " ms");
      Retries.pause(wait);
    }
  }
}
