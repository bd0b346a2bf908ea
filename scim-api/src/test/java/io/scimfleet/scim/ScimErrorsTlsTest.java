package io.scimfleet.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.scim.internal.CertificateRefusedException;
import java.time.Clock;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** A refused certificate is permanent; a handshake cut short is worth another try. */
class ScimErrorsTlsTest {
  private final ScimErrors errors = new ScimErrors("token", Clock.systemUTC());

  @Test
  void aRefusedCertificateIsNotRetryableAndSaysWhy() {
    SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
    handshake.initCause(
        new CertificateRefusedException(
            "untrusted issuer: the certificate of CN=x is issued by CN=y", null));

    TransportException error = errors.transport("GET", "/Users", handshake, "connect 5000 ms");

    assertThat(error.retryable()).isFalse();
    assertThat(error.getMessage())
        .isEqualTo(
            "GET /Users -> failed: TLS refused: untrusted issuer: the certificate of CN=x is issued by CN=y");
  }

  @Test
  void aHandshakeCutShortIsRetryable() {
    TransportException error =
        errors.transport(
            "GET",
            "/Users",
            new SSLHandshakeException("Remote host terminated the handshake"),
            "connect 5000 ms");

    assertThat(error.retryable()).isTrue();
    assertThat(error.getMessage())
        .isEqualTo("GET /Users -> failed: TLS failure: Remote host terminated the handshake");
  }
}
