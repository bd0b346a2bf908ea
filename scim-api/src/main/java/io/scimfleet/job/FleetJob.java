package io.scimfleet.job;

import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * A job the fleet enqueues: a request record the worker handles, with the name an operator reads in
 * the dashboard.
 */
public sealed interface FleetJob extends JobRequest
    permits SyncObjectRequest, SyncObjectsRequest, SyncPageRequest, FullSyncRequest, FullSyncPhaseRequest, ReleaseDeletionsRequest {

  /** What the job does, e.g. {@code sync user u42 → slack}. */
  String jobName();

  String provider();

  /**
   * The id of a job that must exist once however often it is enqueued (a re-run job that enqueues
   * it again adds nothing while the first one exists); null, the default, makes a new job each time.
   */
  default UUID stableId() {
    return null;
  }
}
