package io.scimfleet.ratelimit;

import io.scimfleet.scim.RequestGate;
import io.scimfleet.scim.RequestListener;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's adaptive concurrency per target host, shared by every provider that points at the
 * host: a {@link RequestGate} that waits for room and a {@link RequestListener} that frees it and
 * reads the answer. Every {@link #RECONCILE} it reports to the fleet's {@link AdaptiveLimits} what
 * would change the limit (else a heartbeat every {@link #HEARTBEAT}) and takes its even share of
 * the fleet's limit. A provider's {@code maxConcurrency} stays a ceiling.
 */
public final class AdaptiveLimiter implements AutoCloseable {
  static final Duration RECONCILE = Duration.ofMillis(250);

  /**
   * A host with nothing to change is reported at least this often (well within {@link
   * AdaptiveLimits#WORKER_TTL}, so the worker keeps its share).
   */
  static final Duration HEARTBEAT = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(AdaptiveLimiter.class);

  /** The host whose room this thread holds, so that an answer frees what its request took. */
  private static final ThreadLocal<HostConcurrency> HELD = new ThreadLocal<>();

  private final AdaptiveLimits limits;
  private final Clock clock;
  private final String worker = UUID.randomUUID().toString();
  private final Map<String, HostConcurrency> hosts = new ConcurrentHashMap<>();
  private final Consumer<String> onNewHost;
  private final ScheduledFuture<?> reconciling;
  private final ScheduledExecutorService reconciler =
      Executors.newSingleThreadScheduledExecutor(
          run -> {
            Thread thread = new Thread(run, "scim-adaptive-limits");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param onNewHost told of each host when first used (to publish its gauge)
   */
  public AdaptiveLimiter(AdaptiveLimits limits, Clock clock, Consumer<String> onNewHost) {
    this.limits = limits;
    this.clock = clock;
    this.onNewHost = onNewHost;
    this.reconciling =
        reconciler.scheduleWithFixedDelay(
            this::reconcileDue, RECONCILE.toMillis(), RECONCILE.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** {@code host[:port]} of a base URL, lower case: the key the limit is shared under. */
  public static String hostOf(URI uri) {
    String host = uri.getHost() == null ? uri.toString() : uri.getHost().toLowerCase(Locale.ROOT);
    return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
  }

  /** Waits for room on the host, at most {@code ceiling} of this process's requests at once. */
  public RequestGate gate(String host, int ceiling) {
    return (method, endpoint) -> {
      HostConcurrency stale = HELD.get();
      if (stale != null) stale.release(0, Duration.ZERO); // a request that never reported
      HostConcurrency concurrency = host(host);
      concurrency.acquire(ceiling);
      HELD.set(concurrency);
    };
  }

  /** Frees the room the request took and learns from its answer. */
  public RequestListener listener() {
    return (method, endpoint, status, took) -> {
      HostConcurrency held = HELD.get();
      if (held == null) return;
      HELD.remove();
      held.release(status, took);
    };
  }

  /** The fleet's limit on the host as this process knows it. */
  public double limit(String host) {
    return host(host).limit();
  }

  /** This process's share of it. */
  public int allowed(String host) {
    return host(host).allowed();
  }

  /** Reports every host now. */
  public void reconcile() {
    reconcile(true);
  }

  /**
   * Every {@link #RECONCILE}: reports the hosts whose report would change the limit (an overload,
   * successes enough to raise it by one), and the others every {@link #HEARTBEAT}.
   */
  void reconcileDue() {
    reconcile(false);
  }

  private void reconcile(boolean force) {
    for (HostConcurrency host : hosts.values()) {
      try {
        host.reconcile(limits, worker, clock.instant(), HEARTBEAT, force);
      } catch (RuntimeException e) {
        log.debug("adaptive limit of {} not reconciled: {}", host.host(), e.getMessage());
      }
    }
  }

  private HostConcurrency host(String host) {
    HostConcurrency known = hosts.get(host);
    if (known != null) return known;
    HostConcurrency created = hosts.computeIfAbsent(host, HostConcurrency::new);
    onNewHost.accept(host);
    return created;
  }

  @Override
  public void close() {
    reconciling.cancel(false);
    reconciler.shutdownNow();
  }
}
