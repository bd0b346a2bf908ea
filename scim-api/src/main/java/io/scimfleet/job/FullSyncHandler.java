package io.scimfleet.job;

/** Runs a {@link FullSyncRequest}; the worker provides it. */
public interface FullSyncHandler extends FleetJobHandler<FullSyncRequest> {}
