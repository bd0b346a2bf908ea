package io.scimfleet.job;

/** Runs a {@link SyncObjectRequest}; the worker provides it. */
public interface SyncObjectHandler extends FleetJobHandler<SyncObjectRequest> {}
