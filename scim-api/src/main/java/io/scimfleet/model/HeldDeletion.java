package io.scimfleet.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A removal (delete or deactivation) the deletion guard kept from a target: it would have taken the
 * provider's removals in the window past its deletion threshold. It waits for an operator to
 * release or drop it.
 *
 * @param remoteId the object's id on the target, known when it was held (the object may be gone)
 * @param heldAt when it was first held
 */
public record HeldDeletion(
    String provider, ObjectType type, String objectId, @Nullable String remoteId, Instant heldAt) {
  public HeldDeletion {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(heldAt, "heldAt");
  }
}
