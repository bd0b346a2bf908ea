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
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The three TLS set-ups: the JDK's trust store (default), a PEM CA bundle, or trust-all when asked. */
public final class Tls {
  private Tls() {}

  public static SSLContext systemDefault() {
    try {
      return SSLContext.getDefault();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no default TLS context", e);
    }
  }

  public static HostnameVerifier verifyingHostnames() {
    return HttpsURLConnection.getDefaultHostnameVerifier();
  }

  public static HostnameVerifier anyHostname() {
    return (host, session) -> true;
  }

  /** Trusts exactly the certificates in the PEM file. */
  public static SSLContext trusting(Path pemFile) {
    try (InputStream in = Files.newInputStream(pemFile)) {
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) throw new IllegalArgumentException("no certificate in " + pemFile);
      return context(trustManagers(certificates));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CA bundle " + pemFile, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use CA bundle " + pemFile + ": " + e.getMessage(), e);
    }
  }

  /** Accepts any certificate. Only for tests and targets someone explicitly chose not to verify. */
  public static SSLContext trustingAll() {
    try {
      return context(new TrustManager[] {new TrustAll()});
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TrustManager[] trustManagers(Collection<? extends Certificate> certificates)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int index = 0;
    for (Certificate certificate : certificates) store.setCertificateEntry("ca-" + index++, certificate);
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  private static SSLContext context(TrustManager[] trustManagers) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers, null);
    return context;
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
