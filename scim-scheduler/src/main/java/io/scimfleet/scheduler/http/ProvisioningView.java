package io.scimfleet.scheduler.http;

import io.scimfleet.model.Receipt;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where one user stands on every provider ({@code GET /api/v1/users/{id}/provisioning}), also after
 * the user left the directory.
 *
 * @param deletedAt when the user left the directory; null while it is there
 */
record ProvisioningView(
    String userId, boolean inDirectory, @Nullable Instant deletedAt, List<Target> targets) {

  /**
   * One provider's part.
   *
   * @param state {@code provisioned}, {@code not provisioned}, {@code deleted}, {@code
   *     deactivated}, {@code pending}, {@code held}, {@code failing}, {@code quarantined}, {@code
   *     disabled} or {@code provider deleted}
   * @param reason why the user is not where it should be yet; null when it is
   * @param lastAction what the target last acknowledged, at {@code acknowledgedAt}
   * @param removedAt when the target deleted or deactivated the user
   */
  record Target(
      String provider,
      String state,
      @Nullable String reason,
      @Nullable String remoteId,
      @Nullable String lastAction,
      @Nullable Instant acknowledgedAt,
      @Nullable Instant removedAt,
      @Nullable Instant lastAttemptAt,
      @Nullable String lastError) {

    static Target of(String state, @Nullable String reason, Receipt r) {
      return new Target(
          r.provider(),
          state,
          reason,
          r.remoteId(),
          r.lastAction(),
          r.acknowledgedAt(),
          r.removedAt(),
          r.lastAttemptAt(),
          r.lastError());
    }
  }

  /** One line of the NDJSON export: the user and one provider's part. */
  record Line(String userId, @Nullable Instant deletedAt, Target target) {}

  List<Line> lines() {
    return targets.stream().map(t -> new Line(userId, deletedAt, t)).toList();
  }
}
