package io.scimfleet.worker.handler;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.job.FullSyncPhaseHandler;
import io.scimfleet.job.FullSyncPhaseRequest;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.worker.Worker;
import java.time.Instant;

/** The steps the drift-check tests share, on the provider {@code crm} of a worker. */
final class CrmDriftSteps {
  private CrmDriftSteps() {}

  /** One object's sync job, run at once. */
  static void sync(Worker worker, ObjectType type, String id) throws Exception {
    SyncObjectHandler handler = (SyncObjectHandler) worker.handlers().get(SyncObjectHandler.class);
    handler.run(new SyncObjectRequest("crm", type, id, null));
  }

  /** Run {@code runId}'s clean-up phase (with its drift check), the run started a second before. */
  static FullSyncRun cleanUp(Worker worker, Stores stores, Instant now, String runId, boolean force)
      throws Exception {
    stores
        .syncState()
        .startRun(CleanableRuns.cleanable(FullSyncRun.started(runId, "crm", now.minusSeconds(1))));
    FullSyncPhaseHandler handler =
        (FullSyncPhaseHandler) worker.handlers().get(FullSyncPhaseHandler.class);
    handler.run(new FullSyncPhaseRequest("crm", runId, FullSyncRun.Phase.CLEANUP, force));
    return stores.syncState().lastRun("crm").orElseThrow();
  }

  /** The target's id of directory user {@code id}. */
  static String remoteId(Stores stores, String id) {
    return stores.syncState().get("crm", ObjectType.USER, id).orElseThrow().remoteId();
  }

  /** Directory user {@code id} as the target holds it. */
  static JsonNode targetUser(ScimSdkServer target, Stores stores, String id) {
    String remoteId = remoteId(stores, id);
    return target.users().stream()
        .filter(u -> u.path("id").asText().equals(remoteId))
        .findFirst()
        .orElseThrow();
  }
}
