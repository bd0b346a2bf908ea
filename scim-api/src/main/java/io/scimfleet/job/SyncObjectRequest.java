package io.scimfleet.job;

import io.scimfleet.model.ObjectType;

/**
 * Sync one object to one provider, reading its latest state when the job runs.
 *
 * @param remoteIdAtDelete for a change that deleted the object: its remote id when it was deleted
 */
public record SyncObjectRequest(String provider, ObjectType type, String objectId, String remoteIdAtDelete)
    implements FleetJob {

  @Override
  public Class<SyncObjectHandler> handlerType() {
    return SyncObjectHandler.class;
  }

  @Override
  public String jobName() {
    String verb = remoteIdAtDelete == null ? "sync " : "delete ";
    return verb + type.label() + " " + objectId + " → " + provider;
  }
}
