package io.scimfleet.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one provider's target did with one user, kept for an auditor also after the user left the
 * directory: the last action the target acknowledged and, once it removed the user, when.
 *
 * @param remoteId the user's id on the target; null while it was never created there
 * @param lastAction the label of the last {@link SyncOutcome} the target acknowledged ({@code
 *     created}, {@code updated}, {@code deleted}, {@code deactivated}); null before any
 * @param acknowledgedAt when the target acknowledged {@code lastAction}
 * @param removedAt when the target deleted or deactivated the user; null while it holds it active
 * @param lastAttemptAt when the fleet last tried
 * @param lastError the readable error of the last attempt when it failed, else null
 */
public record Receipt(
    String provider,
    @Nullable String remoteId,
    @Nullable String lastAction,
    @Nullable Instant acknowledgedAt,
    @Nullable Instant removedAt,
    @Nullable Instant lastAttemptAt,
    @Nullable String lastError) {

  public Receipt {
    Objects.requireNonNull(provider, "provider");
  }

  /** The receipt after an attempt at {@code at} ended in {@code outcome}; null: no receipt yet. */
  public static Receipt after(
      @Nullable Receipt previous,
      String provider,
      SyncOutcome outcome,
      @Nullable String remoteId,
      Instant at,
      @Nullable String error) {
    Receipt before =
        previous != null ? previous : new Receipt(provider, null, null, null, null, null, null);
    String id = remoteId != null ? remoteId : before.remoteId;
    if (outcome == SyncOutcome.FAILED) {
      return new Receipt(
          provider, id, before.lastAction, before.acknowledgedAt, before.removedAt, at, error);
    }
    if (!acknowledged(outcome)) {
      return new Receipt(
          provider, id, before.lastAction, before.acknowledgedAt, before.removedAt, at, null);
    }
    Instant removed = removes(outcome) ? at : null;
    return new Receipt(provider, id, outcome.label(), at, removed, at, null);
  }

  /** True for the outcomes a target answered with a write. */
  public static boolean acknowledged(SyncOutcome outcome) {
    return outcome == SyncOutcome.CREATED
        || outcome == SyncOutcome.UPDATED
        || outcome == SyncOutcome.REPAIRED
        || removes(outcome);
  }

  /** True for a delete or a deactivation. */
  public static boolean removes(SyncOutcome outcome) {
    return outcome == SyncOutcome.DELETED || outcome == SyncOutcome.DEACTIVATED;
  }
}
