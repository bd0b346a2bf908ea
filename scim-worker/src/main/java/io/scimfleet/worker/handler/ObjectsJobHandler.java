package io.scimfleet.worker.handler;

import io.scimfleet.error.FleetException;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.SyncObjectsHandler;
import io.scimfleet.job.SyncObjectsRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.model.SyncTrigger;
import io.scimfleet.store.PendingJobs;
import io.scimfleet.store.Stores;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.PagePreload;
import io.scimfleet.worker.pipeline.ProviderContext;
import io.scimfleet.worker.pipeline.ProviderContexts;
import io.scimfleet.worker.pipeline.ProviderHealth;
import io.scimfleet.worker.pipeline.ProviderQuarantinedException;
import io.scimfleet.worker.pipeline.SyncResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs a multi-object change job (a burst of changes): like {@link ObjectJobHandler} for each of
 * its objects, but side by side on the {@link PageRunner} at the provider's {@code maxConcurrency},
 * users before groups (so that new members have their remote ids). Each object's pending mark is
 * cleared when the job starts and its outcome goes to its sync state. An object that still fails
 * after the runner's tries in the job goes on as a job of its own (marked pending like any change),
 * which retries or fails visibly in the dashboard by the single-object rules; the others are done.
 */
public final class ObjectsJobHandler implements SyncObjectsHandler {
  private final Stores stores;
  private final PendingJobs pending;
  private final ProviderContexts contexts;
  private final ObjectSync objects;
  private final PageRunner runner;
  private final ProviderHealth health;
  private final JobQueue queue;
  private final ProviderJobSlots slots;

  public ObjectsJobHandler(
      Stores stores,
      ProviderContexts contexts,
      ObjectSync objects,
      PageRunner runner,
      ProviderHealth health,
      JobQueue queue,
      ProviderJobSlots slots) {
    this.stores = stores;
    this.pending = stores.pendingJobs();
    this.contexts = contexts;
    this.objects = objects;
    this.runner = runner;
    this.health = health;
    this.queue = queue;
    this.slots = slots;
  }

  @Override
  public void run(SyncObjectsRequest request) {
    if (!slots.tryTake(request, ObjectJobHandler.SLOT_WAIT)) {
      JobLog.info(request.provider() + " holds all the job threads it may: handed back");
      queue.handBack(request, ObjectJobHandler.HAND_BACK_AFTER);
      return;
    }
    try {
      runInSlot(request);
    } finally {
      slots.release(request.provider());
    }
  }

  private void runInSlot(SyncObjectsRequest request) {
    for (ObjectType type : ObjectType.values())
      pending.clearAll(request.provider(), type, ids(request, type, false));
    for (ObjectType type : ObjectType.values())
      pending.clearAll(request.provider(), type, ids(request, type, true));
    Optional<ProviderContext> context =
        contexts.get(request.provider()).filter(c -> c.provider().enabled());
    if (context.isEmpty()) {
      JobLog.info("provider " + request.provider() + " is gone or disabled: nothing to do");
      return;
    }
    List<SyncObjectRequest> failed = new ArrayList<>();
    SyncCounts counts = SyncCounts.ZERO;
    try {
      health.requireOpen(request.provider());
      for (ObjectType type : ObjectType.values())
        counts = counts.plus(syncChanged(context.get(), request, type, failed));
      counts = counts.plus(syncDeleted(context.get(), request, failed));
    } catch (ProviderQuarantinedException paused) {
      JobLog.info(paused.getMessage() + ": the job waits");
      throw Retries.later(paused);
    }
    JobLog.info(request.objects().size() + " objects: " + counts);
    goOnAlone(failed);
  }

  /** The objects of this type that still exist (or were deleted without a captured remote id). */
  private SyncCounts syncChanged(
      ProviderContext ctx,
      SyncObjectsRequest request,
      ObjectType type,
      List<SyncObjectRequest> failed) {
    List<String> ids = ids(request, type, false);
    if (ids.isEmpty()) return SyncCounts.ZERO;
    PagePreload preload =
        PagePreload.load(stores, request.provider(), type, ids, ctx.provider().syncPasswords());
    List<SyncResult> results =
        runner.run(
            new PageRun.Work(
                ctx, type, ids, preload, false, SyncTrigger.CHANGE, JobLog.progress(ids.size())));
    SyncCounts counts = SyncCounts.ZERO;
    for (int i = 0; i < results.size(); i++) {
      counts = counts.plus(results.get(i).outcome(), 1);
      if (results.get(i).failed())
        failed.add(failure(request, type, ids.get(i), null, results.get(i).failure()));
    }
    return counts;
  }

  /**
   * Deletes that carry the remote id captured when they happened: one by one, as single jobs do.
   */
  private SyncCounts syncDeleted(
      ProviderContext ctx, SyncObjectsRequest request, List<SyncObjectRequest> failed) {
    SyncCounts counts = SyncCounts.ZERO;
    for (SyncObjectsRequest.Item item : request.objects()) {
      if (item.remoteIdAtDelete() == null) continue;
      SyncResult result;
      try {
        result = objects.sync(ctx, item.type(), item.objectId(), item.remoteIdAtDelete(), false);
      } catch (ProviderQuarantinedException paused) {
        throw paused;
      } catch (FleetException e) {
        result = new SyncResult(SyncOutcome.FAILED, e.getMessage());
      }
      counts = counts.plus(result.outcome(), 1);
      if (result.failed()) {
        failed.add(
            failure(
                request, item.type(), item.objectId(), item.remoteIdAtDelete(), result.failure()));
      }
    }
    return counts;
  }

  private static SyncObjectRequest failure(
      SyncObjectsRequest request,
      ObjectType type,
      String id,
      @Nullable String remoteId,
      String error) {
    JobLog.failure(
        type.label() + " " + id + " failed (provider " + request.provider() + ")", error);
    return new SyncObjectRequest(request.provider(), type, id, remoteId);
  }

  /**
   * Failed objects become jobs of their own, unless a newer change's job is already pending for
   * them.
   */
  private void goOnAlone(List<SyncObjectRequest> failed) {
    List<SyncObjectRequest> alone =
        failed.stream()
            .filter(job -> pending.mark(job.provider(), job.type(), job.objectId()))
            .toList();
    if (alone.isEmpty()) return;
    JobLog.warn(alone.size() + " objects failed here: each goes on as a job of its own");
    queue.enqueueAll(alone);
  }

  private static List<String> ids(SyncObjectsRequest request, ObjectType type, boolean deleted) {
    return request.objects().stream()
        .filter(item -> item.type() == type && (item.remoteIdAtDelete() != null) == deleted)
        .map(SyncObjectsRequest.Item::objectId)
        .toList();
  }
}
