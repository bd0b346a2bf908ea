package io.scimfleet.job;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Start a full sync of one provider: plan its user pages.
 *
 * @param runId the run's id when it was chosen up front (API, follow-up); null: the recurring
 *     firing's own, derived from its job's id so that a planner run again after a crash plans the
 *     same run
 * @param force send every object even when its payload is unchanged
 * @param after for a follow-up, the run it waited for; null otherwise. With the run id it makes the
 *     job's {@link #stableId()}: the follow-up started once per run it waited for, however often
 *     that run's end is handled
 */
public record FullSyncRequest(
    String provider, @Nullable String runId, boolean force, @Nullable String after)
    implements FleetJob {

  public FullSyncRequest(String provider, @Nullable String runId, boolean force) {
    this(provider, runId, force, null);
  }

  /** A run chosen up front exists once per id (and per run it follows); null for recurring. */
  @Override
  public @Nullable UUID stableId() {
    if (runId == null) return null;
    String name = "full sync " + provider + " " + runId + (after == null ? "" : " after " + after);
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Class<FullSyncHandler> handlerType() {
    return FullSyncHandler.class;
  }

  @Override
  public String jobName() {
    return "full sync " + provider + ": plan" + (after == null ? "" : " (asked during a run)");
  }
}
