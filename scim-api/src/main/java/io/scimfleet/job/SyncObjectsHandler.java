package io.scimfleet.job;

/** Runs a {@link SyncObjectsRequest}; the worker provides it. */
public interface SyncObjectsHandler extends FleetJobHandler<SyncObjectsRequest> {}
