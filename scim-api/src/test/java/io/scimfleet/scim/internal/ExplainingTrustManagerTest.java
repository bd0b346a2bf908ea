package io.scimfleet.scim.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.testing.TestCertificates;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The refusals the JDK's PKIX checks make, reworded; checked without a handshake. */
class ExplainingTrustManagerTest {
  private static final String AUTH_TYPE = "ECDHE_ECDSA";
  private static TestCertificates.Authority ca;
  private static ExplainingTrustManager trustManager;

  @BeforeAll
  static void trustTheCa() throws Exception {
    ca = TestCertificates.authority("Trusted CA");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", ca.certificate());
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    trustManager =
        new ExplainingTrustManager(
            (X509ExtendedTrustManager) factory.getTrustManagers()[0], "the test CA");
  }

  @Test
  void acceptsACertificateTheCaSigned() {
    assertThatCode(() -> trustManager.checkServerTrusted(ca.issue("localhost").chain(), AUTH_TYPE))
        .doesNotThrowAnyException();
  }

  @Test
  void namesTheExpiryDateOfAnExpiredCertificate() {
    TestCertificates.Server expired = ca.issueExpired("localhost");

    assertThatThrownBy(() -> trustManager.checkServerTrusted(expired.chain(), AUTH_TYPE))
        .isInstanceOf(CertificateRefusedException.class)
        .hasMessage(
            "certificate expired on "
                + expired.certificate().getNotAfter().toInstant()
                + " (CN=localhost)");
  }

  @Test
  void namesTheStartOfACertificateNotValidYet() {
    TestCertificates.Server early =
        ca.issueValidFrom(Instant.now().plus(Duration.ofDays(2)), "localhost");

    assertThatThrownBy(() -> trustManager.checkServerTrusted(early.chain(), AUTH_TYPE))
        .isInstanceOf(CertificateRefusedException.class)
        .hasMessage(
            "certificate not valid before "
                + early.certificate().getNotBefore().toInstant()
                + " (CN=localhost)");
  }

  @Test
  void namesTheIssuerAndTheTrustedCasOfAnUntrustedCertificate() {
    TestCertificates.Server stranger = TestCertificates.authority("Stranger CA").issue("localhost");

    assertThatThrownBy(() -> trustManager.checkServerTrusted(stranger.chain(), AUTH_TYPE))
        .isInstanceOf(CertificateRefusedException.class)
        .hasMessage(
            "untrusted issuer: the certificate of CN=localhost is issued by CN=Stranger CA, "
                + "which is not among the trusted CAs (the test CA)");
  }
}
