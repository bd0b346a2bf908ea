package io.scimfleet.scheduler.http;

import io.scimfleet.model.FullSyncFollowUp;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.Quarantine;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/providers/{name}/status}.
 *
 * @param quarantine the provider's quarantine while it has one (its pause may be over: the next job
 *     probes)
 * @param queued the full sync asked for while the current run goes, which starts when it ends
 * @param deletionsHeld the removals its deletion guard holds
 * @param drift when its drift checks last read the target in full and checked what changed
 */
record ProviderStatus(
    boolean running,
    @Nullable FullSyncRun current,
    @Nullable FullSyncFollowUp queued,
    @Nullable FullSyncRun last,
    long pendingJobs,
    boolean quarantined,
    @Nullable Quarantine quarantine,
    DeletionsHeld deletionsHeld,
    DriftStatus drift) {}
