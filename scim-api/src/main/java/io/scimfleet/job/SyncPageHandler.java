package io.scimfleet.job;

/** Runs a {@link SyncPageRequest}; the worker provides it. */
public interface SyncPageHandler extends FleetJobHandler<SyncPageRequest> {}
