package io.scimfleet.job;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A job the fleet enqueues: a request record the worker handles, with the name an operator reads in
 * the dashboard. A plain record: the job system stores it as JSON and hands it, when the job runs,
 * to the handler its {@link #handlerType()} names.
 */
public sealed interface FleetJob
    permits SyncObjectRequest,
        SyncObjectsRequest,
        SyncPageRequest,
        FullSyncRequest,
        FullSyncPhaseRequest,
        ReleaseDeletionsRequest,
        ProbeRequest {

  /** The handler interface that runs this request; the worker registers one handler for each. */
  Class<? extends FleetJobHandler<?>> handlerType();

  /** What the job does, e.g. {@code sync user u42 → slack}. */
  String jobName();

  String provider();

  /**
   * The id of a job that must exist once however often it is enqueued (a re-run job that enqueues
   * it again adds nothing while the first one exists); null, the default, makes a new job each
   * time.
   */
  default @Nullable UUID stableId() {
    return null;
  }

  /**
   * A held job this one releases once it is done, or at once when a job server stopped while it ran
   * (it may then wait long for its objects' locks); empty, the default, releases none.
   */
  default Optional<UUID> successor() {
    return Optional.empty();
  }
}
