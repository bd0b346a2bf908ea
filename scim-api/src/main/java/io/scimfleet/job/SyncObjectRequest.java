package io.scimfleet.job;

import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncTrigger;
import org.jspecify.annotations.Nullable;

/**
 * Sync one object to one provider, reading its latest state when the job runs.
 *
 * @param remoteIdAtDelete for a change that deleted the object: its remote id when it was deleted
 * @param trigger what asked for it: a change (the default) or a person ({@code manual}, sync-now)
 * @param force send even when the payload is unchanged
 */
public record SyncObjectRequest(
    String provider,
    ObjectType type,
    String objectId,
    @Nullable String remoteIdAtDelete,
    SyncTrigger trigger,
    boolean force)
    implements FleetJob {

  public SyncObjectRequest {
    trigger = trigger == null ? SyncTrigger.CHANGE : trigger;
  }

  /** A change-driven job. */
  public SyncObjectRequest(
      String provider, ObjectType type, String objectId, @Nullable String remoteIdAtDelete) {
    this(provider, type, objectId, remoteIdAtDelete, SyncTrigger.CHANGE, false);
  }

  /** Sync-now: the object's latest state, sent even when unchanged. */
  public static SyncObjectRequest manual(String provider, ObjectType type, String objectId) {
    return new SyncObjectRequest(provider, type, objectId, null, SyncTrigger.MANUAL, true);
  }

  @Override
  public Class<SyncObjectHandler> handlerType() {
    return SyncObjectHandler.class;
  }

  @Override
  public String jobName() {
    String verb =
        remoteIdAtDelete == null
            ? (trigger == SyncTrigger.MANUAL ? "sync now " : "sync ")
            : "delete ";
    return verb + type.label() + " " + objectId + " → " + provider;
  }
}
