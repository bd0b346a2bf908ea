package io.scimfleet.scim;

import static io.scimfleet.testing.ScimResources.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against a real HTTPS SCIM server whose certificates the test made. */
class ScimClientTlsTest {
  private static TestCertificates.Authority ca;
  private static Path caBundle;

  @TempDir static Path dir;

  private ScimSdkServer server;

  @BeforeAll
  static void makeCa() {
    ca = TestCertificates.authority("Fleet Test CA");
    caBundle = ca.writePem(dir.resolve("ca.pem"));
  }

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost"})
  void aCertificateSignedByTheBundlesCaIsTrustedByIpAddressAndByName(String host) {
    serve(ca.issue("localhost", "127.0.0.1"));

    try (ScimClient client = client(host, builder -> builder.caBundle(caBundle))) {
      client.create("Users", aUser("alice"));
    }

    assertThat(server.users())
        .extracting(u -> u.path("userName").asText())
        .containsExactly("alice");
  }

  @Test
  void aCertificateForAnotherHostIsRefusedAsAHostNameMismatch() {
    serve(ca.issue("other.example", "10.9.8.7"));

    TransportException refused = refusal(builder -> builder.caBundle(caBundle));

    assertThat(refused.getMessage())
        .contains(
            "TLS refused: host name mismatch: certificate for 127.0.0.1 is valid for [other.example, 10.9.8.7]");
    assertThat(refused.retryable()).isFalse();
    assertThat(server.requestCount("POST")).isZero();
  }

  @Test
  void anExpiredCertificateIsRefusedWithItsExpiryDate() {
    TestCertificates.Server expired = ca.issueExpired("localhost", "127.0.0.1");
    serve(expired);

    TransportException refused = refusal(builder -> builder.caBundle(caBundle));

    assertThat(refused.getMessage())
        .contains(
            "TLS refused: certificate expired on "
                + expired.certificate().getNotAfter().toInstant())
        .contains("CN=localhost");
    assertThat(refused.retryable()).isFalse();
  }

  @Test
  void aSelfSignedCertificateIsAnUntrustedIssuerForTheJdkTrustStore() {
    serve(TestCertificates.selfSigned("localhost", "127.0.0.1"));

    TransportException refused = refusal(UnaryOperator.identity());

    assertThat(refused.getMessage())
        .contains(
            "TLS refused: untrusted issuer: the certificate of CN=localhost is issued by CN=localhost")
        .contains("the JDK's default trust store");
    assertThat(refused.retryable()).isFalse();
  }

  @Test
  void aCertificateOfAnotherCaIsAnUntrustedIssuerForTheBundle() {
    serve(TestCertificates.authority("Someone Else's CA").issue("localhost", "127.0.0.1"));

    TransportException refused = refusal(builder -> builder.caBundle(caBundle));

    assertThat(refused.getMessage())
        .contains(
            "untrusted issuer: the certificate of CN=localhost is issued by CN=Someone Else's CA")
        .contains("the CAs in " + caBundle);
  }

  @Test
  void theBundleIsTheOnlyTrustWhenGivenNotTheJdkStoreToo() {
    serve(ca.issue("localhost", "127.0.0.1"));

    TransportException refused = refusal(UnaryOperator.identity());

    assertThat(refused.getMessage()).contains("untrusted issuer").contains("CN=Fleet Test CA");
  }

  @Test
  void aSelfSignedCertificateIsTrustedWhenItIsTheBundle() {
    TestCertificates.Server selfSigned = TestCertificates.selfSigned("localhost", "127.0.0.1");
    serve(selfSigned);
    Path bundle = dir.resolve("self-signed.pem");
    write(bundle, TestCertificates.pem(List.of(selfSigned.certificate())));

    try (ScimClient client = client("localhost", builder -> builder.caBundle(bundle))) {
      client.create("Users", aUser("dave"));
    }

    assertThat(server.users()).hasSize(1);
  }

  @Test
  void trustingAllCertificatesAcceptsAnySelfSignedCertificateForAnyHost() {
    serve(TestCertificates.selfSigned("other.example"));

    try (ScimClient client = client("127.0.0.1", ScimClientBuilder::trustAllCertificates)) {
      client.create("Users", aUser("bob"));
    }

    assertThat(server.users()).hasSize(1);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void serve(TestCertificates.Server certificate) {
    server =
        ScimSdkServer.startHttps(ScimSdkServer.Options.defaults(), certificate.serverContext());
  }

  private ScimClient client(String host, UnaryOperator<ScimClientBuilder> tls) {
    URI url = server.baseUrl(host);
    return tls.apply(ScimClient.builder(url).bearerToken(server.token())).build();
  }

  private TransportException refusal(UnaryOperator<ScimClientBuilder> tls) {
    try (ScimClient client = client("127.0.0.1", tls)) {
      Throwable thrown = catchThrowable(() -> client.create("Users", aUser("carol")));
      assertThat(thrown).isInstanceOf(TransportException.class);
      return (TransportException) thrown;
    }
  }
}
