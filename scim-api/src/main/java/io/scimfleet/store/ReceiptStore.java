package io.scimfleet.store;

import io.scimfleet.model.Receipt;
import io.scimfleet.model.UserReceipts;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Deprovisioning receipts: per user, what each provider's target last acknowledged, and when the
 * user left the directory. A user's receipts stay while the user is in the directory and for the
 * retention ({@code SCIM_RECEIPT_RETENTION_DAYS}, {@value #DEFAULT_RETENTION_DAYS} days) after it
 * left, counted from the last write.
 */
public interface ReceiptStore {
  int DEFAULT_RETENTION_DAYS = 90;

  /** Replaces the user's receipt of {@code receipt.provider()}. */
  void put(String userId, Receipt receipt);

  Optional<Receipt> get(String userId, String provider);

  /**
   * The receipts of {@code provider} of these users (user id to receipt), without the users that
   * have none: {@link #get} for each, in one round trip where the store allows.
   */
  default Map<String, Receipt> getAll(String provider, Collection<String> userIds) {
    Map<String, Receipt> found = new LinkedHashMap<>();
    for (String userId : userIds) get(userId, provider).ifPresent(r -> found.put(userId, r));
    return found;
  }

  /** {@link #put} for each user (user id to receipt), in one round trip where the store allows. */
  default void putAll(Map<String, Receipt> receipts) {
    receipts.forEach(this::put);
  }

  /** Marks the user as gone from the directory at {@code at}; its receipts expire from then on. */
  void userDeleted(String userId, Instant at);

  /** The user's receipts, ordered by provider; empty when none is kept. */
  Optional<UserReceipts> of(String userId);

  /** Every user's receipts after {@code cursor}, ordered by user id, at most {@code limit}. */
  Page<UserReceipts> page(@Nullable String cursor, int limit);
}
