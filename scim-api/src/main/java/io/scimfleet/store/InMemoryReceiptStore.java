package io.scimfleet.store;

import io.scimfleet.model.Receipt;
import io.scimfleet.model.UserReceipts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/**
 * {@link ReceiptStore} in this process: a user's receipts are dropped when read after their
 * retention ran out.
 */
public final class InMemoryReceiptStore implements ReceiptStore {
  private record Kept(
      @Nullable Instant deletedAt, @Nullable Instant expiresAt, Map<String, Receipt> byProvider) {}

  private final Map<String, Kept> users = new ConcurrentSkipListMap<>();
  private final Clock clock;
  private final Duration retention;

  public InMemoryReceiptStore(Clock clock, Duration retention) {
    this.clock = clock;
    this.retention = retention;
  }

  @Override
  public synchronized void put(String userId, Receipt receipt) {
    Kept kept = live(userId).orElse(new Kept(null, null, Map.of()));
    Map<String, Receipt> next = new TreeMap<>(kept.byProvider);
    next.put(receipt.provider(), receipt);
    users.put(userId, new Kept(kept.deletedAt, expiry(kept.deletedAt), Map.copyOf(next)));
  }

  @Override
  public Optional<Receipt> get(String userId, String provider) {
    return live(userId).map(kept -> kept.byProvider.get(provider));
  }

  @Override
  public synchronized void userDeleted(String userId, Instant at) {
    Map<String, Receipt> receipts = live(userId).map(Kept::byProvider).orElse(Map.of());
    users.put(userId, new Kept(at, expiry(at), receipts));
  }

  @Override
  public Optional<UserReceipts> of(String userId) {
    return live(userId).map(kept -> receipts(userId, kept));
  }

  @Override
  public Page<UserReceipts> page(@Nullable String cursor, int limit) {
    if (limit <= 0) throw new IllegalArgumentException("limit must be positive: " + limit);
    List<String> ids =
        users.keySet().stream()
            .filter(id -> cursor == null || id.compareTo(cursor) > 0)
            .filter(id -> live(id).isPresent())
            .limit(limit + 1L)
            .toList();
    List<UserReceipts> items =
        ids.stream().limit(limit).map(id -> of(id)).flatMap(Optional::stream).toList();
    return new Page<>(items, ids.size() > limit ? ids.get(limit - 1) : null);
  }

  private @Nullable Instant expiry(@Nullable Instant deletedAt) {
    return deletedAt == null ? null : clock.instant().plus(retention);
  }

  private Optional<Kept> live(String userId) {
    Kept kept = users.get(userId);
    if (kept == null || kept.expiresAt == null || clock.instant().isBefore(kept.expiresAt))
      return Optional.ofNullable(kept);
    users.remove(userId, kept);
    return Optional.empty();
  }

  private static UserReceipts receipts(String userId, Kept kept) {
    return new UserReceipts(
        userId,
        kept.deletedAt,
        kept.byProvider.values().stream().sorted(Comparator.comparing(Receipt::provider)).toList());
  }
}
