package io.scimfleet.scim.internal;

import java.security.cert.CertificateException;

/**
 * A server certificate refused with a message that names the problem (expired, untrusted issuer);
 * thrown from the trust manager, so it travels inside the handshake's {@code SSLException}.
 */
public final class CertificateRefusedException extends CertificateException {
  private static final long serialVersionUID = 1L;

  public CertificateRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
