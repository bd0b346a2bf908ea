package io.scimfleet.job;

import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs a {@link ReleaseDeletionsRequest}; the worker provides it. */
public interface ReleaseDeletionsHandler extends JobRequestHandler<ReleaseDeletionsRequest> {}
