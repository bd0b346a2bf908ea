package io.scimfleet.scheduler.http;

import io.scimfleet.model.FullSyncRun;

/** {@code GET /api/v1/providers/{name}/status}. */
record ProviderStatus(boolean running, FullSyncRun current, FullSyncRun last, long pendingJobs, boolean quarantined) {}
