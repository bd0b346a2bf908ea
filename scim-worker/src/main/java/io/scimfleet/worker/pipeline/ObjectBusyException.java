package io.scimfleet.worker.pipeline;

import io.scimfleet.error.FleetException;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.LockLostException;

/** Another worker holds the object's lock longer than we wait: try again later. */
public final class ObjectBusyException extends FleetException {
  private static final long serialVersionUID = 1L;

  ObjectBusyException(String provider, ObjectType type, String objectId) {
    super(type.label() + " " + objectId + " → " + provider + " is being synced by another worker");
  }

  /** Our lock was lost before the state was written: the write was refused, try again later. */
  ObjectBusyException(LockLostException lost) {
    super(lost.getMessage(), lost);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
