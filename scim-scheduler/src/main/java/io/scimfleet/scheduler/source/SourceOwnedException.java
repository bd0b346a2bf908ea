package io.scimfleet.scheduler.source;

import io.scimfleet.model.ObjectType;

/**
 * A REST or inbound SCIM write to an object a source owns: refused with 409, naming the source,
 * since the source's next read would undo it.
 */
public final class SourceOwnedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SourceOwnedException(ObjectType type, String id, String source) {
    super(
        type.label()
            + " '"
            + id
            + "' comes from source '"
            + source
            + "': change it in that directory (the source's next read would undo a change made"
            + " here)");
  }
}
