package io.scimfleet.store;

import java.time.Clock;

/**
 * The stores a fleet process uses, built together on one backend, and how to let go of it. Redis
 * ones come from {@code io.scimfleet.store.redis.RedisStores}.
 *
 * @param onClose releases what the stores hold (the Redis pool); nothing for the in-memory ones
 * @param passwords sealed passwords on their way to the targets
 * @param history the last sync attempts of each object
 * @param consoleSessions the admin console's sessions
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
    ConsoleSessionStore consoleSessions)
    implements AutoCloseable {

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
        new InMemoryConsoleSessionStore(clock));
  }

  @Override
  public void close() {
    onClose.run();
  }
}
