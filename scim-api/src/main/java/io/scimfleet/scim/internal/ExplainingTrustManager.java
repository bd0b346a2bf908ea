package io.scimfleet.scim.internal;

import java.net.Socket;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The JDK's PKIX trust manager, with refusals reworded: "certificate expired on …", "untrusted
 * issuer: …". It only checks servers; it never accepts what the JDK's manager refuses.
 */
final class ExplainingTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager delegate;
  private final String trusted;

  /** {@code trusted} says which CAs are trusted, for the message: "the JDK's trust store". */
  ExplainingTrustManager(X509ExtendedTrustManager delegate, String trusted) {
    this.delegate = delegate;
    this.trusted = trusted;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    explaining(chain, () -> delegate.checkServerTrusted(chain, authType, socket));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    explaining(chain, () -> delegate.checkServerTrusted(chain, authType, engine));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    explaining(chain, () -> delegate.checkServerTrusted(chain, authType));
  }

  /** One of the JDK manager's server checks. */
  @FunctionalInterface
  private interface ServerCheck {
    void run() throws CertificateException;
  }

  /** Runs the check; a refusal is thrown again with the reason explained. */
  private void explaining(X509Certificate[] chain, ServerCheck check) throws CertificateException {
    try {
      check.run();
    } catch (CertificateException e) {
      throw explained(chain, e);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  CertificateException explained(X509Certificate[] chain, CertificateException refusal) {
    X509Certificate leaf = chain == null || chain.length == 0 ? null : chain[0];
    if (leaf == null) return refusal;
    X509Certificate expired = outOfDate(chain, refusal);
    if (expired != null) return new CertificateRefusedException(validity(expired), refusal);
    if (has(refusal, CertPathBuilderException.class) || isUnknownIssuer(refusal)) {
      return new CertificateRefusedException(
          "untrusted issuer: the certificate of "
              + leaf.getSubjectX500Principal()
              + " is issued by "
              + leaf.getIssuerX500Principal()
              + ", which is not among the trusted CAs ("
              + trusted
              + ")",
          refusal);
    }
    return new CertificateRefusedException("certificate refused: " + refusal.getMessage(), refusal);
  }

  /** The certificate the refusal says is out of its validity period, or null. */
  private static @Nullable X509Certificate outOfDate(
      X509Certificate[] chain, CertificateException refusal) {
    CertPathValidatorException invalid = find(refusal, CertPathValidatorException.class);
    if (invalid != null
        && (invalid.getReason() == CertPathValidatorException.BasicReason.EXPIRED
            || invalid.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
      int index = invalid.getIndex();
      if (invalid.getCertPath() != null
          && index >= 0
          && index < invalid.getCertPath().getCertificates().size()) {
        return (X509Certificate) invalid.getCertPath().getCertificates().get(index);
      }
    }
    if (has(refusal, CertificateExpiredException.class)
        || has(refusal, CertificateNotYetValidException.class)) {
      for (X509Certificate certificate : chain) if (!validNow(certificate)) return certificate;
    }
    return null;
  }

  private static String validity(X509Certificate certificate) {
    if (certificate.getNotAfter().toInstant().isBefore(Instant.now())) {
      return "certificate expired on "
          + certificate.getNotAfter().toInstant()
          + " ("
          + certificate.getSubjectX500Principal()
          + ")";
    }
    return "certificate not valid before "
        + certificate.getNotBefore().toInstant()
        + " ("
        + certificate.getSubjectX500Principal()
        + ")";
  }

  private static boolean validNow(X509Certificate certificate) {
    try {
      certificate.checkValidity();
      return true;
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      return false;
    }
  }

  private static boolean isUnknownIssuer(CertificateException refusal) {
    CertPathValidatorException invalid = find(refusal, CertPathValidatorException.class);
    return invalid != null && invalid.getReason() == PKIXReason.NO_TRUST_ANCHOR;
  }

  private static boolean has(Throwable failure, Class<? extends Throwable> type) {
    return find(failure, type) != null;
  }

  private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) return type.cast(t);
    }
    return null;
  }
}
