package io.scimfleet.job;

import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs a {@link SyncObjectRequest}; the worker provides it. */
public interface SyncObjectHandler extends JobRequestHandler<SyncObjectRequest> {}
