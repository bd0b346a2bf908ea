package io.scimfleet.scim.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.jspecify.annotations.Nullable;

/**
 * The three TLS set-ups: the JDK's trust store (default), the CAs of a PEM bundle (and only those),
 * or trust-all when asked. Verified set-ups refuse with a message that names the problem:
 * "untrusted issuer", "certificate expired on …" (here) or "host name mismatch" ({@link
 * #verifyingHostnames()}).
 */
public final class Tls {
  private Tls() {}

  /**
   * The JDK's default trust store ({@code cacerts}, or {@code javax.net.ssl.trustStore} when set).
   */
  public static SSLContext systemDefault() {
    return SystemDefault.CONTEXT;
  }

  /**
   * HttpClient 5's default verifier: DNS names and IP addresses in the subject alternative names.
   */
  public static HostnameVerifier verifyingHostnames() {
    return new ExplainingHostnameVerifier();
  }

  public static HostnameVerifier anyHostname() {
    return NoopHostnameVerifier.INSTANCE;
  }

  /** Trusts exactly the CA certificates in the PEM file; the JDK's trust store is not consulted. */
  public static SSLContext trusting(Path pemFile) {
    try (InputStream in = Files.newInputStream(pemFile)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty())
        throw new IllegalArgumentException("no certificate in " + pemFile);
      return context(explaining(keyStore(certificates), "the CAs in " + pemFile));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CA bundle " + pemFile, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot use CA bundle " + pemFile + ": " + e.getMessage(), e);
    }
  }

  /** Accepts any certificate. Only for tests and targets someone explicitly chose not to verify. */
  public static SSLContext trustingAll() {
    try {
      return context(new TrustAll());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyStore keyStore(Collection<? extends Certificate> certificates)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int index = 0;
    for (Certificate certificate : certificates)
      store.setCertificateEntry("ca-" + index++, certificate);
    return store;
  }

  /**
   * The JDK's PKIX trust manager for {@code store} (null: the default store), with readable
   * refusals.
   */
  private static TrustManager explaining(@Nullable KeyStore store, String trusted)
      throws GeneralSecurityException, IOException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager x509)
        return new ExplainingTrustManager(x509, trusted);
    }
    throw new GeneralSecurityException("no X.509 trust manager in " + factory.getAlgorithm());
  }

  private static SSLContext context(TrustManager trustManager) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustManager}, null);
    return context;
  }

  /** Built once, on first use: loading the JDK's trust store takes a while. */
  private static final class SystemDefault {
    static final SSLContext CONTEXT = create();

    private static SSLContext create() {
      try {
        return context(explaining(null, "the JDK's default trust store"));
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException("no default TLS context", e);
      }
    }
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
