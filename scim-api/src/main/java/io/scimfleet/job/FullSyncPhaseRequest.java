package io.scimfleet.job;

import io.scimfleet.model.FullSyncRun;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The next phase of a full sync, enqueued by the page that finished the one before: groups, then
 * clean-up.
 */
public record FullSyncPhaseRequest(
    String provider, String runId, FullSyncRun.Phase phase, boolean force) implements FleetJob {

  @Override
  public Class<FullSyncPhaseHandler> handlerType() {
    return FullSyncPhaseHandler.class;
  }

  /**
   * One job per (provider, run, phase): the page that ended a phase may run again after a crash.
   */
  @Override
  public UUID stableId() {
    String key = "full-sync-phase\u0000" + provider + "\u0000" + runId + "\u0000" + phase;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String jobName() {
    return "full sync "
        + provider
        + ": "
        + (phase == FullSyncRun.Phase.CLEANUP ? "clean-up" : "plan group pages");
  }
}
