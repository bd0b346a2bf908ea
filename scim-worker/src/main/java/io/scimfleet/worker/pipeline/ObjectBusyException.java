package io.scimfleet.worker.pipeline;

import io.scimfleet.error.FleetException;
import io.scimfleet.model.ObjectType;

/** Another worker holds the object's lock longer than we wait: try again later. */
public final class ObjectBusyException extends FleetException {
  private static final long serialVersionUID = 1L;

  ObjectBusyException(String provider, ObjectType type, String objectId) {
    super(type.label() + " " + objectId + " → " + provider + " is being synced by another worker");
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
