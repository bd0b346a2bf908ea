package io.scimfleet.job;

import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs a {@link SyncPageRequest}; the worker provides it. */
public interface SyncPageHandler extends JobRequestHandler<SyncPageRequest> {}
