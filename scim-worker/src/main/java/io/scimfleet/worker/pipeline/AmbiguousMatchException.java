package io.scimfleet.worker.pipeline;

import io.scimfleet.error.FleetException;
import io.scimfleet.model.ObjectType;
import java.util.List;

/** Several objects on the target match the one to link: the fleet picks none, and says which. */
public final class AmbiguousMatchException extends FleetException {
  private static final long serialVersionUID = 1L;

  AmbiguousMatchException(ObjectType type, String filter, List<String> remoteIds, long total) {
    super(
        total
            + " "
            + type.endpoint()
            + " on the target match "
            + filter
            + " (ids "
            + String.join(", ", remoteIds)
            + (total > remoteIds.size() ? ", …" : "")
            + "): link one by hand or make the matching attribute unique");
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
