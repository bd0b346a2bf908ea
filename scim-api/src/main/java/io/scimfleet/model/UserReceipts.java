package io.scimfleet.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Every provider's {@link Receipt} of one user.
 *
 * @param deletedAt when the user left the directory; null while it is there
 */
public record UserReceipts(String userId, @Nullable Instant deletedAt, List<Receipt> receipts) {
  public UserReceipts {
    Objects.requireNonNull(userId, "userId");
    receipts = List.copyOf(receipts);
  }
}
