package io.scimfleet.job.jobrunr;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPubSub;

/**
 * {@link WorkSignal} over Redis pub/sub: an enqueue PUBLISHes on one channel per key prefix; each
 * listening process holds one subscribed connection and wakes its job server per message. The
 * subscription is pinged every {@link #PING_EVERY} (a dead connection shows) and made again after a
 * failure (Redis outage), pausing {@link #RESUBSCRIBE_AFTER} between tries.
 */
final class RedisWorkSignal implements WorkSignal {
  static final Duration PING_EVERY = Duration.ofSeconds(5);
  static final Duration RESUBSCRIBE_AFTER = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(RedisWorkSignal.class);

  private final JedisPool pool;
  private final String channel;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final Subscriber subscriber = new Subscriber();
  private volatile boolean open = true;
  private @Nullable Thread listening;
  private @Nullable ScheduledExecutorService pinger;

  /**
   * {@code channel}: where the storage announces enqueued jobs ({@link
   * RedisStorageProvider#workChannel()}).
   */
  RedisWorkSignal(JedisPool pool, String channel) {
    this.pool = pool;
    this.channel = channel;
  }

  @Override
  public void send() {
    try (Jedis jedis = pool.getResource()) {
      jedis.publish(channel, "1");
    } catch (RuntimeException e) {
      log.debug("work signal not sent ({}): the job servers' poll finds the work", e.toString());
    }
  }

  @Override
  public synchronized void listen(Runnable wake) {
    listeners.add(wake);
    if (listening != null) return;
    listening = DaemonThreads.named("scim-work-signal").newThread(this::subscribeWhileOpen);
    listening.start();
    pinger =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("scim-work-signal-ping"));
    long every = PING_EVERY.toMillis();
    var unused =
        pinger.scheduleWithFixedDelay(
            this::ping, every, every, TimeUnit.MILLISECONDS); // runs until shutdown
  }

  private void subscribeWhileOpen() {
    while (open) {
      try (Jedis jedis = pool.getResource()) {
        jedis.subscribe(
            subscriber, channel); // returns when unsubscribed; throws when the connection fails
      } catch (RuntimeException e) {
        if (open) log.debug("work signal subscription lost ({}); subscribing again", e.toString());
      }
      if (open) pause();
      wakeAll(); // work may have been enqueued while no subscription listened
    }
  }

  private void ping() {
    try {
      if (subscriber.isSubscribed()) subscriber.ping();
    } catch (RuntimeException e) {
      log.debug("work signal ping failed: {}", e.toString());
    }
  }

  private void wakeAll() {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        log.warn("waking a job server failed: {}", e.toString());
      }
    }
  }

  /** The subscription broke (Redis down): wait before subscribing again instead of spinning. */
  private static void pause() {
    try {
      Thread.sleep(RESUBSCRIBE_AFTER.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    open = false;
    listeners.clear();
    if (pinger != null) pinger.shutdownNow();
    try {
      if (subscriber.isSubscribed()) subscriber.unsubscribe();
    } catch (RuntimeException e) {
      log.debug("work signal unsubscribe failed: {}", e.toString());
    }
    if (listening != null) listening.interrupt();
  }

  private final class Subscriber extends JedisPubSub {
    @Override
    public void onMessage(String channel, String message) {
      wakeAll();
    }
  }
}
