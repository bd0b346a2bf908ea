package io.scimfleet.worker.pipeline;

import io.scimfleet.model.SyncOutcome;
import org.jspecify.annotations.Nullable;

/** The {@code action} tag of {@code scim_propagation_seconds} for an acknowledged outcome. */
final class PropagationAction {
  static final String CREATE = "create";
  static final String UPDATE = "update";
  static final String DEPROVISION = "deprovision";

  private PropagationAction() {}

  /** The action, or null for an outcome the target did not acknowledge as a write. */
  static @Nullable String of(SyncOutcome outcome) {
    return switch (outcome) {
      case CREATED -> CREATE;
      case UPDATED -> UPDATE;
      case DELETED, DEACTIVATED -> DEPROVISION;
      default -> null;
    };
  }
}
