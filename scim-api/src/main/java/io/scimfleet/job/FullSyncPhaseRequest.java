package io.scimfleet.job;

import io.scimfleet.model.FullSyncRun;

/** The next phase of a full sync, enqueued by the page that finished the one before: groups, then clean-up. */
public record FullSyncPhaseRequest(String provider, String runId, FullSyncRun.Phase phase, boolean force)
    implements FleetJob {

  @Override
  public Class<FullSyncPhaseHandler> getJobRequestHandler() {
    return FullSyncPhaseHandler.class;
  }

  @Override
  public String jobName() {
    return "full sync " + provider + ": " + (phase == FullSyncRun.Phase.CLEANUP ? "clean-up" : "plan group pages");
  }
}
