package io.scimfleet.store;

import io.scimfleet.model.ObjectType;
import java.util.List;

/**
 * A fenced state write was refused and nothing of it written: the lock of these objects no longer
 * holds the writer's token (its lease ran out and another worker may hold it now). Not retryable:
 * the new holder syncs the object; this attempt's result is simply not recorded.
 */
public final class LockLostException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String provider;
  private final ObjectType type;
  private final List<String> objectIds;

  public LockLostException(String provider, ObjectType type, List<String> objectIds) {
    super(
        "lock for "
            + type.label()
            + " "
            + String.join(", ", objectIds)
            + " on provider "
            + provider
            + " was lost before its state was written: another worker holds it; this attempt's"
            + " result is not recorded");
    this.provider = provider;
    this.type = type;
    this.objectIds = List.copyOf(objectIds);
  }

  public String provider() {
    return provider;
  }

  public ObjectType type() {
    return type;
  }

  /** The objects whose lock was lost (at least one). */
  public List<String> objectIds() {
    return objectIds;
  }
}
