package io.scimfleet.job;

import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs a {@link FullSyncPhaseRequest}; the worker provides it. */
public interface FullSyncPhaseHandler extends JobRequestHandler<FullSyncPhaseRequest> {}
