package io.scimfleet.store;

import io.scimfleet.model.Change;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The change feed in memory, with the semantics of one Redis consumer group: each entry is
 * delivered to one consumer and stays pending until acknowledged; {@link #claimStale} hands entries
 * idle (by the injected clock) for long enough to another consumer. Acknowledged entries are
 * forgotten.
 */
public final class InMemoryChangeFeed implements ChangeFeed {
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition appended = lock.newCondition();
  private final ArrayDeque<Entry> unread = new ArrayDeque<>();
  private final Map<String, Delivery> pending = new LinkedHashMap<>();
  private long sequence;

  private record Delivery(Entry entry, String consumer, Instant at) {}

  public InMemoryChangeFeed(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void append(Change change) {
    locked(
        () -> {
          unread.add(new Entry(Long.toString(++sequence), change));
          appended.signalAll();
        });
  }

  /** Waits for new entries in real time (a blocked reader is woken by {@link #append}). */
  @Override
  public List<Entry> read(String consumer, int max, Duration block) {
    lock.lock();
    try {
      long nanos = block.toNanos();
      while (unread.isEmpty() && nanos > 0) {
        nanos = appended.awaitNanos(nanos);
      }
      List<Entry> entries = new ArrayList<>();
      Instant now = clock.instant();
      while (entries.size() < max && !unread.isEmpty()) {
        Entry entry = unread.poll();
        pending.put(entry.entryId(), new Delivery(entry, consumer, now));
        entries.add(entry);
      }
      return entries;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void ack(List<String> entryIds) {
    locked(() -> entryIds.forEach(pending::remove));
  }

  @Override
  public List<Entry> claimStale(String consumer, Duration minIdle, int max) {
    return locked(
        () -> {
          Instant now = clock.instant();
          List<Entry> claimed = new ArrayList<>();
          for (Iterator<Delivery> it = pending.values().iterator();
              it.hasNext() && claimed.size() < max; ) {
            Delivery delivery = it.next();
            if (Duration.between(delivery.at(), now).compareTo(minIdle) >= 0)
              claimed.add(delivery.entry());
          }
          claimed.forEach(
              entry -> pending.put(entry.entryId(), new Delivery(entry, consumer, now)));
          return claimed;
        });
  }

  @Override
  public long lag() {
    return locked(() -> (long) unread.size());
  }

  private <T> T locked(Supplier<T> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  private void locked(Runnable body) {
    locked(
        () -> {
          body.run();
          return null;
        });
  }
}
