package io.scimfleet.job;

import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs a {@link FullSyncRequest}; the worker provides it. */
public interface FullSyncHandler extends JobRequestHandler<FullSyncRequest> {}
