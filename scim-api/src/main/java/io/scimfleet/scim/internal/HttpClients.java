package io.scimfleet.scim.internal;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the one pooled HttpClient of a target: every timeout set, TLS as configured, every
 * resolved address checked against the target policy, and no automatic retries, redirects or
 * cookies: retrying is the worker's decision, with Retry-After.
 */
final class HttpClients {
  private HttpClients() {}

  static CloseableHttpClient create(
      ClientSettings settings, PoolingHttpClientConnectionManager pool) {
    return HttpClientBuilder.create()
        .setConnectionManager(pool)
        .setDefaultRequestConfig(requestConfig(settings))
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .build();
  }

  static PoolingHttpClientConnectionManager pool(ClientSettings settings) {
    return PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnTotal(settings.maxConnections())
        .setMaxConnPerRoute(settings.maxConnections())
        .setDefaultConnectionConfig(connectionConfig(settings))
        .setTlsSocketStrategy(tls(settings))
        .setDnsResolver(new PolicyDnsResolver(settings.targets()))
        .build();
  }

  /**
   * Host names are checked once, after the handshake, by the settings' verifier (HttpClient's own
   * {@code DefaultHostnameVerifier} unless trust-all was asked), not by the JDK's endpoint check.
   */
  private static DefaultClientTlsStrategy tls(ClientSettings settings) {
    return new DefaultClientTlsStrategy(
        settings.sslContext(), HostnameVerificationPolicy.CLIENT, settings.hostnameVerifier());
  }

  private static ConnectionConfig connectionConfig(ClientSettings settings) {
    return ConnectionConfig.custom()
        .setConnectTimeout(timeout(settings.connectTimeout()))
        .setSocketTimeout(timeout(settings.responseTimeout()))
        .build();
  }

  private static RequestConfig requestConfig(ClientSettings settings) {
    return RequestConfig.custom()
        // waiting for one of the target's maxConnections is back-pressure, not a fault of the
        // target
        .setConnectionRequestTimeout(timeout(settings.totalTimeout()))
        .setResponseTimeout(timeout(settings.responseTimeout()))
        .build();
  }

  private static Timeout timeout(java.time.Duration duration) {
    return Timeout.ofMilliseconds(duration.toMillis());
  }
}
