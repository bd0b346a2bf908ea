package io.scimfleet.scheduler.changes;

import io.scimfleet.job.FleetJob;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.SyncObjectsRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one pass's per-object jobs into what is enqueued: a provider with at most {@link #TRICKLE}
 * objects in the pass (at most 1 in a steady stream) keeps one job per object (the lowest latency);
 * more become multi-object jobs of at most {@link SyncObjectsRequest#MAX_OBJECTS}, of even size, so
 * that they spread over the workers alike. Every object keeps its own pending mark, so coalescing
 * holds either way.
 */
final class JobBatches {
  static final int TRICKLE = 8;

  private JobBatches() {}

  /** A provider's objects go one job each only up to {@code singlesUpTo} of them in the pass. */
  static List<FleetJob> of(List<SyncObjectRequest> jobs, int singlesUpTo) {
    Map<String, List<SyncObjectRequest>> byProvider = new LinkedHashMap<>();
    jobs.forEach(
        job -> byProvider.computeIfAbsent(job.provider(), name -> new ArrayList<>()).add(job));
    List<FleetJob> enqueue = new ArrayList<>();
    byProvider.forEach(
        (provider, own) -> {
          if (own.size() <= singlesUpTo) enqueue.addAll(own);
          else enqueue.addAll(batches(provider, own));
        });
    return enqueue;
  }

  private static List<SyncObjectsRequest> batches(String provider, List<SyncObjectRequest> own) {
    int count = (own.size() + SyncObjectsRequest.MAX_OBJECTS - 1) / SyncObjectsRequest.MAX_OBJECTS;
    List<SyncObjectsRequest> batches = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<SyncObjectRequest> slice =
          own.subList(own.size() * i / count, own.size() * (i + 1) / count);
      batches.add(
          new SyncObjectsRequest(
              provider, slice.stream().map(SyncObjectsRequest.Item::of).toList()));
    }
    return batches;
  }
}
