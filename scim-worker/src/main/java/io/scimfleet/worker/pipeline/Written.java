package io.scimfleet.worker.pipeline;

import io.scimfleet.model.SyncOutcome;
import java.util.List;

/** What a write left on the target: the remote id and version to remember, and the outcome. */
record Written(SyncOutcome outcome, String remoteId, String version, List<String> membersSent) {}
