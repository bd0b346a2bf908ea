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
 * @param consoleSessions the admin console's sessions
 * @param receipts what each target acknowledged per user, kept after the user is deleted
 * @param probes the reports of target probes, for a while
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
    ConsoleSessionStore consoleSessions,
    ReceiptStore receipts,
    ProbeStore probes)
    implements AutoCloseable {

  /** These stores with another change feed (tests that script its trims). */
  public Stores withChanges(ChangeFeed replacement) {
    return new Stores(
        directory,
        replacement,
        providers,
        syncState,
        pendingJobs,
        locks,
        quarantines,
        deletions,
        () -> {},
        passwords,
        history,
        consoleSessions,
        receipts,
        probes);
  }

  /** These stores with another provider store (tests that race a save against a reseal). */
  public Stores withProviders(ProviderStore replacement) {
    return new Stores(
        directory,
        changes,
        replacement,
        syncState,
        pendingJobs,
        locks,
        quarantines,
        deletions,
        () -> {},
        passwords,
        history,
        consoleSessions,
        receipts,
        probes);
  }

  /** These stores with another sync-state store (tests that inject faults into it). */
  public Stores withSyncState(SyncStateStore replacement) {
    return new Stores(
        directory,
        changes,
        providers,
        replacement,
        pendingJobs,
        locks,
        quarantines,
        deletions,
        () -> {},
        passwords,
        history,
        consoleSessions,
        receipts,
        probes);
  }

  /** These stores with other object locks (tests that count lock calls). */
  public Stores withLocks(ObjectLocks replacement) {
    return new Stores(
        directory,
        changes,
        providers,
        syncState,
        pendingJobs,
        replacement,
        quarantines,
        deletions,
        () -> {},
        passwords,
        history,
        consoleSessions,
        receipts,
        probes);
  }

  /** In-memory stores, for the embedded all-in-one mode and for tests. */
  public static Stores inMemory() {
    return inMemory(Clock.systemUTC());
  }

  public static Stores inMemory(Clock clock) {
    return inMemory(clock, Duration.ofDays(ReceiptStore.DEFAULT_RETENTION_DAYS));
  }

  /**
   * In-memory stores keeping a deleted user's receipts for {@code receiptRetention} ({@code
   * SCIM_RECEIPT_RETENTION_DAYS}).
   */
  public static Stores inMemory(Clock clock, Duration receiptRetention) {
    InMemoryChangeFeed changes = new InMemoryChangeFeed(clock);
    InMemoryObjectLocks locks = new InMemoryObjectLocks(clock);
    return new Stores(
        new InMemoryDirectoryStore(changes, clock),
        changes,
        new InMemoryProviderStore(),
        new InMemorySyncStateStore(locks),
        new InMemoryPendingJobs(clock),
        locks,
        new InMemoryQuarantineStore(),
        new InMemoryDeletionStore(),
        () -> {},
        new InMemoryPasswordStore(clock),
        new InMemoryObjectHistory(),
        new InMemoryConsoleSessionStore(clock),
        new InMemoryReceiptStore(clock, receiptRetention),
        new InMemoryProbeStore(clock));
  }

  @Override
  public void close() {
    onClose.run();
  }
}
