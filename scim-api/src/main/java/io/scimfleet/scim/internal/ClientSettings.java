package io.scimfleet.scim.internal;

import io.scimfleet.target.TargetPolicy;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;

/**
 * Everything the builder collected, checked: the wiring reads only this.
 *
 * @param maxResponseBytes the longest response body read; a longer one fails that request
 */
public record ClientSettings(
    Duration connectTimeout,
    Duration responseTimeout,
    Duration totalTimeout,
    int maxConnections,
    SSLContext sslContext,
    HostnameVerifier hostnameVerifier,
    Duration discoveryTtl,
    Clock clock,
    TargetPolicy targets,
    long maxResponseBytes) {

  /** The same settings with another pool size (a token endpoint needs few connections). */
  public ClientSettings withMaxConnections(int value) {
    return new ClientSettings(
        connectTimeout,
        responseTimeout,
        totalTimeout,
        value,
        sslContext,
        hostnameVerifier,
        discoveryTtl,
        clock,
        targets,
        maxResponseBytes);
  }

  /** How the timeouts read in an error message. */
  public String describeTimeouts() {
    return "connect "
        + connectTimeout.toMillis()
        + " ms, response "
        + responseTimeout.toMillis()
        + " ms, total "
        + totalTimeout.toMillis()
        + " ms";
  }
}
