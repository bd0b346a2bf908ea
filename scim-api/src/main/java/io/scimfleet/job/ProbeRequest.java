package io.scimfleet.job;

/**
 * Probe the provider's target: create a scratch user and group, try what the fleet relies on,
 * remove them, and keep the report under {@code probeId} in the {@link
 * io.scimfleet.store.ProbeStore}. Only {@code POST /api/v1/providers/{name}/probe} enqueues it.
 */
public record ProbeRequest(String provider, String probeId) implements FleetJob {

  @Override
  public Class<ProbeHandler> handlerType() {
    return ProbeHandler.class;
  }

  @Override
  public String jobName() {
    return "probe → " + provider;
  }
}
