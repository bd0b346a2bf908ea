package io.scimfleet.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.scimfleet.scim.Capabilities;
import io.scimfleet.scim.NotFoundException;
import io.scimfleet.scim.ResourceType;
import io.scimfleet.scim.ScimException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a target what it supports ({@code /ServiceProviderConfig}, {@code /ResourceTypes}, and
 * {@code /Schemas} only when {@code /ResourceTypes} lists no User type) and remembers the answer. A
 * permanent non-answer (404, 401/403, HTML, garbage) yields {@link Capabilities#defaults()} and is
 * cached like an answer; a transient one (timeout, 429, 5xx) on the first load is thrown and not
 * cached, so that a target that was down is not taken for one without features.
 *
 * <p>Once loaded, the answer is refreshed in the background after the TTL (Caffeine's {@code
 * refreshAfterWrite}): callers keep the answer they had while one refresh runs, and a refresh that
 * fails keeps it for another TTL. Only the first load makes callers wait, and only one load runs.
 */
public final class Discovery {
  private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
  private static final List<String> CONFIG_PATHS =
      List.of("/ServiceProviderConfig", "/ServiceProviderConfigs");
  private static final String KEY = "discovery";

  /** Refreshes wait on HTTP: on threads of their own (idle ones end), not on the common pool. */
  private static final Executor REFRESHES = Executors.newCachedThreadPool(Daemon::thread);

  private final ScimTransport transport;
  private final LoadingCache<String, Snapshot> snapshot;

  public Discovery(ScimTransport transport, Duration ttl, Clock clock) {
    this.transport = transport;
    this.snapshot =
        Caffeine.newBuilder()
            .refreshAfterWrite(ttl)
            .ticker(() -> nanos(clock.instant()))
            .executor(REFRESHES)
            .build(new Loader());
  }

  public Capabilities capabilities() {
    return snapshot.get(KEY).capabilities();
  }

  public List<ResourceType> resourceTypes() {
    return snapshot.get(KEY).resourceTypes();
  }

  private Snapshot load() {
    List<ResourceType> types = CapabilitiesReader.resourceTypes(fetch("/ResourceTypes"));
    Set<String> schemas =
        CapabilitiesReader.userType(types).isPresent()
            ? Set.of()
            : CapabilitiesReader.extensionSchemas(fetch("/Schemas"));
    Capabilities capabilities = CapabilitiesReader.read(config(), types, schemas);
    return new Snapshot(capabilities, types);
  }

  /**
   * Loads the first answer (a failure goes to the caller); a failed refresh keeps the one before.
   */
  private final class Loader implements CacheLoader<String, Snapshot> {
    @Override
    public Snapshot load(String key) {
      return Discovery.this.load();
    }

    @Override
    public Snapshot reload(String key, Snapshot previous) {
      try {
        return Discovery.this.load();
      } catch (ScimException e) {
        LOG.info("discovery refresh failed, keeping the last answer: {}", e.getMessage());
        return previous;
      }
    }
  }

  private static long nanos(Instant instant) {
    return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
  }

  private JsonNode config() {
    for (String path : CONFIG_PATHS) {
      JsonNode config = fetchOrNull(path);
      if (config != null && config.isObject()) return config;
    }
    LOG.info("no readable ServiceProviderConfig at {}; using safe defaults", CONFIG_PATHS);
    return MissingNode.getInstance();
  }

  private JsonNode fetch(String path) {
    JsonNode body = fetchOrNull(path);
    return body == null ? MissingNode.getInstance() : body;
  }

  private @Nullable JsonNode fetchOrNull(String path) {
    try {
      Call call = Call.of("GET", path);
      return transport.json(call, transport.send(call));
    } catch (ScimException e) {
      if (e.retryable()) throw e;
      if (!(e instanceof NotFoundException))
        LOG.info("discovery {} unusable: {}", path, e.getMessage());
      return null;
    }
  }

  private record Snapshot(Capabilities capabilities, List<ResourceType> resourceTypes) {}
}
