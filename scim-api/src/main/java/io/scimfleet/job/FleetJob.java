package io.scimfleet.job;

import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * A job the fleet enqueues: a request record the worker handles, with the name an operator reads in
 * the dashboard.
 */
public sealed interface FleetJob extends JobRequest
    permits SyncObjectRequest, SyncPageRequest, FullSyncRequest, FullSyncPhaseRequest {

  /** What the job does, e.g. {@code sync user u42 → slack}. */
  String jobName();

  String provider();
}
