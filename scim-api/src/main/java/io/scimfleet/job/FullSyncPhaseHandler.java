package io.scimfleet.job;

/** Runs a {@link FullSyncPhaseRequest}; the worker provides it. */
public interface FullSyncPhaseHandler extends FleetJobHandler<FullSyncPhaseRequest> {}
