package io.scimfleet.scim;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.scimfleet.scim.internal.ClientSettings;
import io.scimfleet.scim.internal.OAuth2Tokens;
import io.scimfleet.scim.internal.PoolMetrics;
import io.scimfleet.scim.internal.Tls;
import io.scimfleet.target.TargetPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/** Configures a {@link ScimClient}; every setting has a safe default. Not thread-safe. */
public final class ScimClientBuilder {
  /** 4 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L << 20;

  private final URI baseUrl;
  private Authorization authorization = Authorization.NONE;
  private @Nullable OAuth2Grant oauth2;
  private Duration connectTimeout = Duration.ofSeconds(5);
  private Duration responseTimeout = Duration.ofSeconds(30);
  private Duration totalTimeout = Duration.ofSeconds(60);
  private int maxConnections = 20;
  private @Nullable SSLContext sslContext;
  private @Nullable HostnameVerifier hostnameVerifier;
  private Duration discoveryTtl = Duration.ofMinutes(10);
  private RequestListener listener = RequestListener.NONE;
  private RequestGate gate = RequestGate.OPEN;
  private Clock clock = Clock.systemUTC();
  private PoolMetrics poolMetrics = PoolMetrics.NONE;
  private TargetPolicy targets = TargetPolicy.defaults();
  private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

  ScimClientBuilder(URI baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("base URL must be http or https: " + baseUrl);
    }
  }

  /** Sent as {@code Authorization: Bearer <token>}; never logged, never in a message. */
  public ScimClientBuilder bearerToken(String value) {
    return authorization(Authorization.bearer(value));
  }

  /** Where the {@code Authorization} header comes from (bearer, Basic, OAuth 2.0); never logged. */
  public ScimClientBuilder authorization(Authorization value) {
    this.authorization = Objects.requireNonNull(value, "authorization");
    this.oauth2 = null;
    return this;
  }

  /**
   * OAuth 2.0 client credentials: access tokens from the grant's token endpoint, reached with this
   * client's address policy, TLS trust and timeouts, cached until shortly before they expire.
   */
  public ScimClientBuilder oauth2(OAuth2Grant grant) {
    this.oauth2 = Objects.requireNonNull(grant, "grant");
    return this;
  }

  public ScimClientBuilder connectTimeout(Duration value) {
    this.connectTimeout = positive(value, "connectTimeout");
    return this;
  }

  /** The longest wait for the next bytes of a response (socket timeout). */
  public ScimClientBuilder responseTimeout(Duration value) {
    this.responseTimeout = positive(value, "responseTimeout");
    return this;
  }

  /** The longest a whole request may take, from sending to the last byte read. */
  public ScimClientBuilder totalTimeout(Duration value) {
    this.totalTimeout = positive(value, "totalTimeout");
    return this;
  }

  public ScimClientBuilder maxConnections(int value) {
    if (value < 1) throw new IllegalArgumentException("maxConnections must be at least 1");
    this.maxConnections = value;
    return this;
  }

  /**
   * Accepts any certificate and host name. Insecure: only for a target someone chose not to verify.
   */
  public ScimClientBuilder trustAllCertificates() {
    this.sslContext = Tls.trustingAll();
    this.hostnameVerifier = Tls.anyHostname();
    return this;
  }

  /** Trusts only the CAs in this PEM file; host names are still verified. */
  public ScimClientBuilder caBundle(Path pemFile) {
    this.sslContext = Tls.trusting(pemFile);
    this.hostnameVerifier = Tls.verifyingHostnames();
    return this;
  }

  public ScimClientBuilder discoveryTtl(Duration value) {
    this.discoveryTtl = positive(value, "discoveryTtl");
    return this;
  }

  public ScimClientBuilder requestListener(RequestListener value) {
    this.listener = Objects.requireNonNull(value, "listener");
    return this;
  }

  /** Asked before every request (e.g. a rate limit); it may block. */
  public ScimClientBuilder requestGate(RequestGate value) {
    this.gate = Objects.requireNonNull(value, "gate");
    return this;
  }

  /** The clock for the discovery TTL and Retry-After dates; tests pass a fixed one. */
  public ScimClientBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * Publishes the connection pool's gauges ({@code httpcomponents_httpclient_pool_*}, tagged {@code
   * httpclient=<name>} and these tags) while the client is open, so a saturated pool shows.
   */
  public ScimClientBuilder poolMetrics(MeterRegistry registry, String name, String... tags) {
    this.poolMetrics =
        new PoolMetrics(
            Objects.requireNonNull(registry, "registry"),
            Objects.requireNonNull(name, "name"),
            Tags.of(tags));
    return this;
  }

  /**
   * Which addresses may be connected to; by default link-local and metadata addresses are refused.
   */
  public ScimClientBuilder targetPolicy(TargetPolicy value) {
    this.targets = Objects.requireNonNull(value, "targets");
    return this;
  }

  /**
   * The longest response body read (after decompression): a longer one fails its request with a
   * {@link MalformedResponseException} and is never held in memory. Default {@link
   * #DEFAULT_MAX_RESPONSE_BYTES} (4 MiB); a worker sets its {@code SCIM_MAX_RESPONSE_BYTES}.
   */
  public ScimClientBuilder maxResponseBytes(long value) {
    if (value < 1) throw new IllegalArgumentException("maxResponseBytes must be at least 1");
    this.maxResponseBytes = value;
    return this;
  }

  public ScimClient build() {
    ClientSettings settings = settings();
    Authorization auth = oauth2 == null ? authorization : new OAuth2Tokens(oauth2, settings);
    return new ScimClient(baseUrl, auth, settings, listener, gate, poolMetrics);
  }

  private ClientSettings settings() {
    SSLContext context = sslContext != null ? sslContext : Tls.systemDefault();
    HostnameVerifier verifier =
        hostnameVerifier != null ? hostnameVerifier : Tls.verifyingHostnames();
    return new ClientSettings(
        connectTimeout,
        responseTimeout,
        totalTimeout,
        maxConnections,
        context,
        verifier,
        discoveryTtl,
        clock,
        targets,
        maxResponseBytes);
  }

  private static Duration positive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero())
      throw new IllegalArgumentException(name + " must be positive");
    return value;
  }

  @Override
  public String toString() {
    return "ScimClientBuilder[" + baseUrl + ", " + (oauth2 == null ? authorization : oauth2) + "]";
  }
}
