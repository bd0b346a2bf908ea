package io.scimfleet.job;

/** Runs a {@link ReleaseDeletionsRequest}; the worker provides it. */
public interface ReleaseDeletionsHandler extends FleetJobHandler<ReleaseDeletionsRequest> {}
