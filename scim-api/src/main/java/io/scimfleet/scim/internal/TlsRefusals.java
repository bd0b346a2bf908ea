package io.scimfleet.scim.internal;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;

/** Reads an {@link SSLException}: was the target's certificate refused, and why, in plain words. */
public final class TlsRefusals {
  private TlsRefusals() {}

  /**
   * "host name mismatch: …", "untrusted issuer: …", "certificate expired on …" when the certificate
   * was refused; null when the failure was something else (a handshake cut short, no common
   * protocol).
   */
  public static @Nullable String refusal(SSLException failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CertificateRefusedException || t instanceof SSLPeerUnverifiedException)
        return t.getMessage();
    }
    return null;
  }
}
