package io.scimfleet.worker.pipeline;

import io.scimfleet.mapping.ProviderMappings;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.scim.ScimClient;
import io.scimfleet.scim.ScimClientBuilder;
import io.scimfleet.store.ProviderStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The worker's providers, each built once and rebuilt when its settings change: a job reads the
 * provider's latest settings, and gets the cached client and compiled mappings when they match.
 */
public final class ProviderContexts implements AutoCloseable {
  private final ProviderStore providers;
  private final FleetMetrics metrics;
  private final Map<String, ProviderContext> contexts = new ConcurrentHashMap<>();

  public ProviderContexts(ProviderStore providers, FleetMetrics metrics) {
    this.providers = providers;
    this.metrics = metrics;
  }

  /** The provider's context; empty when the provider no longer exists. */
  public Optional<ProviderContext> get(String name) {
    Optional<Provider> provider = providers.get(name);
    if (provider.isEmpty()) {
      evict(name);
      return Optional.empty();
    }
    return Optional.of(contexts.compute(name, (key, cached) -> current(cached, provider.get())));
  }

  private ProviderContext current(ProviderContext cached, Provider provider) {
    if (cached != null && cached.provider().equals(provider)) return cached;
    if (cached != null) cached.close();
    return build(provider, metrics);
  }

  /** Builds a context; also used by the API's preview, which sends nothing. */
  public static ProviderContext build(Provider provider, FleetMetrics metrics) {
    return new ProviderContext(provider, client(provider, metrics),
        ProviderMappings.compile(provider, ObjectType.USER),
        ProviderMappings.compile(provider, ObjectType.GROUP),
        ProviderMappings.scope(provider, ObjectType.USER),
        ProviderMappings.scope(provider, ObjectType.GROUP));
  }

  private static ScimClient client(Provider provider, FleetMetrics metrics) {
    ScimClientBuilder builder = ScimClient.builder(provider.baseUrl())
        .bearerToken(provider.dryRun() ? "dry-run: nothing is sent" : provider.credential().resolve())
        .maxConnections(Math.max(provider.maxConcurrency(), 2))
        .requestListener((method, endpoint, status, took) -> metrics.request(provider.name(), method, status, took));
    if (provider.tlsInsecure()) builder.trustAllCertificates();
    if (provider.caBundleFile() != null) builder.caBundle(Path.of(provider.caBundleFile()));
    return builder.build();
  }

  private void evict(String name) {
    ProviderContext removed = contexts.remove(name);
    if (removed != null) removed.close();
  }

  @Override
  public void close() {
    contexts.values().forEach(ProviderContext::close);
    contexts.clear();
  }
}
