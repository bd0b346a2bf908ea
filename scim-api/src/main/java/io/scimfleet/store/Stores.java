package io.scimfleet.store;

import java.time.Clock;
import java.time.Duration;

/**
 * The stores a fleet process uses, built together on one backend, and how to let go of it. Redis
 * ones come from {@code io.scimfleet.store.redis.RedisStores}.
 *
 * @param onClose releases what the stores hold (the Redis pool); nothing for the in-memory ones
 * @param passwords sealed passwords on their way to the targets
 * @param history the last sync attempts of each object
 * @param receipts what each target acknowledged per user, kept after the user is deleted
 */
public record Stores(
    DirectoryStore directory,
    ChangeFeed changes,
    ProviderStore providers,
    SyncStateStore syncState,
    PendingJobs pendingJobs,
    ObjectLocks locks,
    QuarantineStore quarantines,
    DeletionStore deletions,
    Runnable onClose,
    PasswordStore passwords,
    ObjectHistory history,
    ReceiptStore receipts)
    implements AutoCloseable {

  /** Stores whose receipts are kept in this process only (tests that build their own). */
  public Stores(
      DirectoryStore directory,
      ChangeFeed changes,
      ProviderStore providers,
      SyncStateStore syncState,
      PendingJobs pendingJobs,
      ObjectLocks locks,
      QuarantineStore quarantines,
      DeletionStore deletions,
      Runnable onClose,
      PasswordStore passwords,
      ObjectHistory history) {
    this(
        directory,
        changes,
        providers,
        syncState,
        pendingJobs,
        locks,
        quarantines,
        deletions,
        onClose,
        passwords,
        history,
        new InMemoryReceiptStore(
            Clock.systemUTC(), Duration.ofDays(ReceiptStore.DEFAULT_RETENTION_DAYS)));
  }

  /** In-memory stores, for the embedded all-in-one mode and for tests. */
  public static Stores inMemory() {
    return inMemory(Clock.systemUTC());
  }

  public static Stores inMemory(Clock clock) {
    InMemoryChangeFeed changes = new InMemoryChangeFeed(clock);
    return new Stores(
        new InMemoryDirectoryStore(changes, clock),
        changes,
        new InMemoryProviderStore(),
        new InMemorySyncStateStore(),
        new InMemoryPendingJobs(clock),
        new InMemoryObjectLocks(clock),
        new InMemoryQuarantineStore(),
        new InMemoryDeletionStore(),
        () -> {},
        new InMemoryPasswordStore(clock),
        new InMemoryObjectHistory(),
        new InMemoryReceiptStore(clock, ReceiptStore.retention(System.getenv())));
  }

  @Override
  public void close() {
    onClose.run();
  }
}
