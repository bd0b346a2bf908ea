package io.scimfleet.worker.pipeline;

import io.scimfleet.config.SecuritySettings;
import io.scimfleet.config.WorkerSettings;
import io.scimfleet.mapping.MappingLimits;
import io.scimfleet.mapping.ProviderMappings;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.OAuth2Client;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.ratelimit.AdaptiveLimiter;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.scim.Authorization;
import io.scimfleet.scim.RequestGate;
import io.scimfleet.scim.RequestListener;
import io.scimfleet.scim.ScimClient;
import io.scimfleet.scim.ScimClientBuilder;
import io.scimfleet.secret.CredentialSecrets;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.ProviderStore;
import io.scimfleet.target.RefusedTargetException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The worker's providers, each built once and rebuilt when its settings change: a job reads the
 * provider's latest settings, and gets the cached client and compiled mappings when they match. A
 * context replaced by newer settings (or whose provider is gone) is retired, not closed: jobs that
 * hold it may still be sending. It is closed once it is idle (no request in flight) and a grace
 * period has passed, long enough for the jobs that hold it to finish.
 *
 * <p>Building checks the security rules again, whatever the store holds: the base URL and its
 * addresses (and the OAuth 2.0 token endpoint's), the token's source (and opens a sealed token),
 * the CA file, insecure TLS.
 */
public final class ProviderContexts implements AutoCloseable {
  private static final Duration NOTICEABLE_WAIT = Duration.ofMillis(1);
  static final Duration GRACE = Duration.ofMinutes(1);
  private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

  private final ProviderStore providers;
  private final FleetMetrics metrics;
  private final RateLimiter rateLimiter;
  private final SecuritySettings security;
  private final DirectoryStore directory;
  private final Map<String, ProviderContext> contexts = new ConcurrentHashMap<>();
  private final RetiredContexts retired = new RetiredContexts(GRACE, SWEEP_EVERY);
  private final @Nullable AdaptiveLimiter adaptive;
  private final long maxResponseBytes;
  private final MappingLimits limits;

  /** With the default worker settings and mapping limits (tests). */
  public ProviderContexts(
      ProviderStore providers,
      FleetMetrics metrics,
      RateLimiter rateLimiter,
      SecuritySettings security,
      DirectoryStore directory) {
    this(
        providers,
        metrics,
        rateLimiter,
        security,
        directory,
        WorkerSettings.defaults(1),
        MappingLimits.defaults());
  }

  /**
   * @param worker whether the concurrency per host adapts, how long a response may be
   * @param limits the bounds of every mapping and scope evaluation
   */
  public ProviderContexts(
      ProviderStore providers,
      FleetMetrics metrics,
      RateLimiter rateLimiter,
      SecuritySettings security,
      DirectoryStore directory,
      WorkerSettings worker,
      MappingLimits limits) {
    this.directory = directory;
    this.providers = providers;
    this.metrics = metrics;
    this.rateLimiter = rateLimiter;
    this.security = security;
    this.maxResponseBytes = worker.maxResponseBytes();
    this.limits = limits;
    this.adaptive = adaptive(worker.adaptiveConcurrency(), rateLimiter, metrics);
  }

  /**
   * The adaptive concurrency per target host, unless {@code SCIM_ADAPTIVE_CONCURRENCY=off}; null
   * then.
   */
  static @Nullable AdaptiveLimiter adaptive(
      boolean on, RateLimiter rateLimiter, FleetMetrics metrics) {
    if (!on) return null;
    AdaptiveLimiter[] limiter = new AdaptiveLimiter[1];
    limiter[0] =
        new AdaptiveLimiter(
            rateLimiter.adaptiveLimits(),
            Clock.systemUTC(),
            host -> metrics.targetConcurrencyLimit(host, limiter, held -> held[0].limit(host)));
    return limiter[0];
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
    if (cached != null) retired.add(cached);
    return build(
        provider, metrics, rateLimiter, security, directory, adaptive, maxResponseBytes, limits);
  }

  /**
   * @param directory read by the scope when the provider has {@code scopeGroups}
   */
  static ProviderContext build(
      Provider provider,
      FleetMetrics metrics,
      RateLimiter rateLimiter,
      SecuritySettings security,
      DirectoryStore directory) {
    return build(
        provider,
        metrics,
        rateLimiter,
        security,
        directory,
        null,
        ScimClientBuilder.DEFAULT_MAX_RESPONSE_BYTES,
        MappingLimits.defaults());
  }

  /**
   * @param adaptive the process's adaptive concurrency per host; null: the static limits only
   * @param maxResponseBytes the longest response body read ({@code SCIM_MAX_RESPONSE_BYTES})
   * @param limits the bounds of every mapping and scope evaluation
   */
  static ProviderContext build(
      Provider provider,
      FleetMetrics metrics,
      RateLimiter rateLimiter,
      SecuritySettings security,
      DirectoryStore directory,
      @Nullable AdaptiveLimiter adaptive,
      long maxResponseBytes,
      MappingLimits limits) {
    return new ProviderContext(
        provider,
        client(provider, metrics, rateLimiter, security, adaptive, maxResponseBytes),
        ProviderMappings.compile(provider, ObjectType.USER, limits),
        ProviderMappings.compile(provider, ObjectType.GROUP, limits),
        ProviderMappings.scope(provider, ObjectType.USER, directory, limits),
        ProviderMappings.scope(provider, ObjectType.GROUP, directory, limits));
  }

  private static ScimClient client(
      Provider provider,
      FleetMetrics metrics,
      RateLimiter rateLimiter,
      SecuritySettings security,
      @Nullable AdaptiveLimiter adaptive,
      long maxResponseBytes) {
    RequestListener learn = adaptive == null ? RequestListener.NONE : adaptive.listener();
    requireAllowedTarget(provider, security);
    ScimClientBuilder builder =
        authorized(ScimClient.builder(provider.baseUrl()), provider, security)
            .targetPolicy(security.targets())
            .maxConnections(Math.max(provider.maxConcurrency(), 2))
            .maxResponseBytes(maxResponseBytes)
            .poolMetrics(metrics.registry(), provider.name(), "provider", provider.name())
            .requestListener(
                (method, endpoint, status, took) -> {
                  metrics.request(provider.name(), method, status, took);
                  AttemptLog.LISTENER.onRequest(method, endpoint, status, took);
                  learn.onRequest(method, endpoint, status, took);
                });
    builder.requestGate(gates(provider, metrics, rateLimiter, adaptive));
    if (provider.tlsInsecure()) builder.trustAllCertificates();
    if (provider.caBundleFile() != null) {
      builder.caBundle(
          security.secrets().requireAllowedFile("caBundleFile", provider.caBundleFile()));
    }
    return builder.build();
  }

  /** A fixed header (bearer, Basic), or OAuth 2.0 tokens from the provider's token endpoint. */
  private static ScimClientBuilder authorized(
      ScimClientBuilder builder, Provider provider, SecuritySettings security) {
    if (provider.dryRun())
      return builder.authorization(Authorization.bearer("dry-run: nothing is sent"));
    Credential credential = provider.credential();
    if (credential.oauth2() != null)
      return builder.oauth2(
          CredentialSecrets.grant(credential, security.secrets(), provider.name()));
    return builder.authorization(
        CredentialSecrets.authorization(credential, security.secrets(), provider.name()));
  }

  private static void requireAllowedTarget(Provider provider, SecuritySettings security) {
    try {
      security.targets().requireAllowedUrl(provider.baseUrl());
      OAuth2Client oauth2 = provider.credential().oauth2();
      if (oauth2 != null) security.targets().requireAllowedUrl("auth.tokenUrl", oauth2.tokenUrl());
    } catch (IllegalArgumentException e) {
      throw new RefusedTargetException("provider " + provider.name() + ": " + e.getMessage());
    }
    if (provider.tlsInsecure() && !security.targets().insecureTlsAllowed()) {
      throw new RefusedTargetException(
          "provider "
              + provider.name()
              + " asks for tlsInsecure, which this worker refuses: "
              + "set SCIM_ALLOW_INSECURE_TLS=true on the workers too, or give caBundleFile");
    }
  }

  /**
   * The provider's fleet-wide rate limit, if any, then room within the host's adaptive limit (held
   * only while the request is in flight), if adaptive.
   */
  private static RequestGate gates(
      Provider provider,
      FleetMetrics metrics,
      RateLimiter rateLimiter,
      @Nullable AdaptiveLimiter adaptive) {
    RequestGate rate =
        provider.requestsPerMinute() > 0
            ? rateLimit(provider, metrics, rateLimiter)
            : RequestGate.OPEN;
    if (adaptive == null) return rate;
    RequestGate room =
        adaptive.gate(AdaptiveLimiter.hostOf(provider.baseUrl()), provider.maxConcurrency());
    return (method, endpoint) -> {
      rate.beforeRequest(method, endpoint);
      room.beforeRequest(method, endpoint);
    };
  }

  /** Waits for the provider's fleet-wide rate limit before each request, and counts the waits. */
  private static RequestGate rateLimit(
      Provider provider, FleetMetrics metrics, RateLimiter rateLimiter) {
    return (method, endpoint) -> {
      Duration waited = rateLimiter.acquire(provider.name(), provider.requestsPerMinute());
      if (waited.compareTo(NOTICEABLE_WAIT) > 0) metrics.rateLimitWait(provider.name(), waited);
    };
  }

  private void evict(String name) {
    ProviderContext removed = contexts.remove(name);
    if (removed != null) retired.add(removed);
    metrics.forget(name);
  }

  @Override
  public void close() {
    contexts.values().forEach(ProviderContext::close);
    contexts.clear();
    retired.close();
    if (adaptive != null) adaptive.close();
  }
}
