package io.scimfleet.worker.pipeline;

import io.scimfleet.error.FleetException;
import io.scimfleet.model.ObjectType;
import java.util.List;

/**
 * The object must be found on the target by an attribute the target cannot filter on (its profile's
 * or the provider's {@code filters}): the fleet does not list the whole target instead, and says
 * what to change.
 */
public final class UnfilterableMatchException extends FleetException {
  private static final long serialVersionUID = 1L;

  UnfilterableMatchException(
      String provider, ObjectType type, String attribute, List<String> filters) {
    super(
        "cannot look up the existing "
            + type.label()
            + " on "
            + provider
            + " by "
            + attribute
            + ": the target filters only on "
            + String.join(", ", filters)
            + "; set matchOn."
            + (type == ObjectType.USER ? "users" : "groups")
            + " to one of these, or link the object by hand");
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
