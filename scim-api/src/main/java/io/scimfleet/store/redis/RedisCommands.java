package io.scimfleet.store.redis;

import io.scimfleet.store.StoreException;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Runs commands on a pooled connection and turns every Jedis failure into a retryable {@link
 * StoreException}, so that no Jedis type leaves the stores.
 */
final class RedisCommands {
  /**
   * Optimistic transactions that lose this many races in a row give up (never seen in practice).
   */
  private static final int MAX_ATTEMPTS = 1_000;

  private final JedisPool pool;

  RedisCommands(JedisPool pool) {
    this.pool = pool;
  }

  <T> T call(String what, Function<Jedis, T> command) {
    try (Jedis jedis = pool.getResource()) {
      return command.apply(jedis);
    } catch (JedisException e) {
      boolean exhausted =
          e.getCause() instanceof NoSuchElementException none && none.getCause() == null;
      if (!exhausted) throw failed(what, e);
      throw new StoreException(
          "Redis failed to "
              + what
              + ": no connection of the pool's "
              + pool.getMaxTotal()
              + " came free within "
              + RedisConnections.MAX_WAIT.toSeconds()
              + " s; give the pool more (it has SCIM_WORKER_THREADS + 8) or run fewer page"
              + " threads (SCIM_PAGE_THREADS)",
          e); // the pool's wait for a free connection ran out
    }
  }

  private static StoreException failed(String what, JedisException e) {
    return new StoreException("Redis failed to " + what + ": " + e.getMessage(), e);
  }

  void run(String what, Consumer<Jedis> command) {
    call(
        what,
        jedis -> {
          command.accept(jedis);
          return null;
        });
  }

  /** Runs {@code writes} in one MULTI/EXEC. */
  void transaction(String what, Consumer<Transaction> writes) {
    run(
        what,
        jedis -> {
          Transaction transaction = jedis.multi();
          writes.accept(transaction);
          transaction.exec();
        });
  }

  /**
   * An optimistic transaction: {@code attempt} WATCHes keys, reads, and then either returns a
   * result without writing (after UNWATCH) or runs MULTI/EXEC and returns {@link #committed}. An
   * empty result means another client changed a watched key: the attempt runs again.
   */
  <T> T optimistic(String what, Function<Jedis, Optional<T>> attempt) {
    return call(
        what,
        jedis -> {
          for (int i = 0; i < MAX_ATTEMPTS; i++) {
            Optional<T> result = attempt.apply(jedis);
            if (result.isPresent()) return result.get();
          }
          throw new StoreException(
              "Redis failed to " + what + ": " + MAX_ATTEMPTS + " conflicting attempts",
              new ConcurrentModificationException("watched keys kept changing"));
        });
  }

  /**
   * The EXEC of an optimistic transaction: the value when it committed, empty when it was aborted.
   */
  static <T> Optional<T> committed(Transaction transaction, T value) {
    List<Object> replies = transaction.exec();
    return replies == null ? Optional.empty() : Optional.of(value);
  }

  /** Returns a value from an optimistic attempt that decided not to write. */
  static <T> Optional<T> unwatched(Jedis jedis, T value) {
    jedis.unwatch();
    return Optional.of(value);
  }
}
