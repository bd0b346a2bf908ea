package io.scimfleet.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.scimfleet.scim.Capabilities;
import io.scimfleet.scim.NotFoundException;
import io.scimfleet.scim.ResourceType;
import io.scimfleet.scim.ScimException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a target what it supports and remembers the answer for the TTL. A permanent non-answer
 * (404, 401/403, HTML, garbage) yields {@link Capabilities#defaults()} and is cached like an
 * answer; a transient one (timeout, 429, 5xx) is thrown and not cached, so that a target that was
 * down is not taken for one without features.
 */
public final class Discovery {
  private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
  private static final List<String> CONFIG_PATHS = List.of("/ServiceProviderConfig", "/ServiceProviderConfigs");

  private final ScimTransport transport;
  private final Duration ttl;
  private final Clock clock;
  private Snapshot snapshot;

  public Discovery(ScimTransport transport, Duration ttl, Clock clock) {
    this.transport = transport;
    this.ttl = ttl;
    this.clock = clock;
  }

  public synchronized Capabilities capabilities() {
    return current().capabilities();
  }

  public synchronized List<ResourceType> resourceTypes() {
    return current().resourceTypes();
  }

  private Snapshot current() {
    Instant now = clock.instant();
    if (snapshot == null || now.isAfter(snapshot.expires())) snapshot = load(now);
    return snapshot;
  }

  private Snapshot load(Instant now) {
    List<ResourceType> types = CapabilitiesReader.resourceTypes(fetch("/ResourceTypes"));
    Capabilities capabilities = CapabilitiesReader.read(config(), types);
    return new Snapshot(capabilities, types, now.plus(ttl));
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

  private JsonNode fetchOrNull(String path) {
    try {
      Call call = Call.of("GET", path);
      return transport.json(call, transport.send(call));
    } catch (ScimException e) {
      if (e.retryable()) throw e;
      if (!(e instanceof NotFoundException)) LOG.info("discovery {} unusable: {}", path, e.getMessage());
      return null;
    }
  }

  private record Snapshot(Capabilities capabilities, List<ResourceType> resourceTypes, Instant expires) {}
}
