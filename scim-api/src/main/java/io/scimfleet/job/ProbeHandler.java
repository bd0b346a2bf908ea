package io.scimfleet.job;

/** Runs a {@link ProbeRequest}; the worker provides it. */
public interface ProbeHandler extends FleetJobHandler<ProbeRequest> {}
