package io.scimfleet.worker.pipeline;

import io.scimfleet.model.SyncOutcome;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a write left on the target: the remote id and version to remember, and the outcome. */
record Written(
    SyncOutcome outcome,
    @Nullable String remoteId,
    @Nullable String version,
    List<String> membersSent) {}
