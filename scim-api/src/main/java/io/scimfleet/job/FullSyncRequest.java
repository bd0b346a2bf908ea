package io.scimfleet.job;

/**
 * Start a full sync of one provider: plan its user pages.
 *
 * @param runId the run's id when it was chosen up front (API); null: choose one (recurring run)
 * @param force send every object even when its payload is unchanged
 */
public record FullSyncRequest(String provider, String runId, boolean force) implements FleetJob {

  @Override
  public Class<FullSyncHandler> handlerType() {
    return FullSyncHandler.class;
  }

  @Override
  public String jobName() {
    return "full sync " + provider + ": plan";
  }
}
