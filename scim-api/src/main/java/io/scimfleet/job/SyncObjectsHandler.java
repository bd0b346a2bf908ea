package io.scimfleet.job;

import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs a {@link SyncObjectsRequest}; the worker provides it. */
public interface SyncObjectsHandler extends JobRequestHandler<SyncObjectsRequest> {}
