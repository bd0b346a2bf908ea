package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.config.SecuritySettings;
import io.scimfleet.secret.SecretSources;
import io.scimfleet.store.Stores;
import io.scimfleet.target.TargetPolicy;
import io.scimfleet.testing.TestSecurity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The security rules of a provider over the API: each refusal is a 400 that names the rule, and
 * stores nothing.
 */
class ProviderSecurityApiTest {
  @TempDir Path root;
  private Path secrets;
  private ApiFixture fixture;

  @BeforeEach
  void start() throws IOException {
    secrets = Files.createDirectories(root.resolve("secrets"));
    Files.writeString(root.resolve("fleet-key"), "not for targets");
    Files.createSymbolicLink(secrets.resolve("escape"), root.resolve("fleet-key"));
    fixture = new ApiFixture(Stores.inMemory(), TestSecurity.settings(secrets, Map.of()));
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"tokenEnv\":\"SCIM_ADMIN_TOKEN\"                 | must start with SCIM_TARGET_",
        "\"tokenEnv\":\"REDIS_URL\"                        | must start with SCIM_TARGET_",
        "\"tokenEnv\":\"SCIM_TARGET_DENY\"                 | tokenEnv 'SCIM_TARGET_DENY' is refused",
        "\"tokenEnv\":\"SCIM_TARGET_ALLOW\"                | tokenEnv 'SCIM_TARGET_ALLOW' is refused",
        "\"tokenEnv\":\"SCIM_TARGET_ENV_PREFIX\"           | tokenEnv 'SCIM_TARGET_ENV_PREFIX' is refused",
        "\"auth\":{\"type\":\"basic\",\"username\":\"u\",\"passwordEnv\":\"SCIM_TARGET_DENY\"} | passwordEnv 'SCIM_TARGET_DENY' is refused",
        "\"tokenFile\":\"SECRETS/../fleet-key\"            | must be inside",
        "\"tokenFile\":\"SECRETS/escape\"                  | must be inside",
        "\"tokenFile\":\"/etc/passwd\"                     | SCIM_SECRETS_DIR",
        "\"tokenEnv\":\"SCIM_TARGET_T\",\"caBundleFile\":\"/etc/ssl/certs/x.pem\" | caBundleFile",
        "\"tokenEnv\":\"SCIM_TARGET_T\",\"tlsInsecure\":true | SCIM_ALLOW_INSECURE_TLS=true",
      })
  void aSecretSourceOrSettingOutsideTheRulesIs400(String fields, String rule) {
    String body =
        "{\"baseUrl\":\"https://scim.example.com/v2\","
            + fields.strip().replace("SECRETS", secrets.toString())
            + "}";

    assertRefused(body, rule);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "http://169.254.169.254/latest/meta-data/iam | is refused",
        "http://[fd00:ec2::254]/                     | is refused",
        "http://[64:ff9b::a9fe:a9fe]/                | which reaches 169.254.169.254",
        "http://[::169.254.169.254]/                 | which reaches 169.254.169.254",
        "http://0.0.0.0:8080/                        | is refused",
        "http://100.100.100.200/                     | is refused",
        "http://[fe80::1%25eth0]/scim                | is refused",
        "https://u:p@scim.example.com/v2             | user info",
        "https://scim.example.com/v2?a=1             | query string",
        "https://scim.example.com/v2#x               | fragment",
        "http://scim.example.com/v2                  | SCIM_ALLOW_HTTP_TARGETS=true",
        "http://10.1.2.3/v2                          | SCIM_ALLOW_HTTP_TARGETS=true",
      })
  void aBaseUrlOutsideTheRulesIs400(String url, String rule) {
    assertRefused("{\"baseUrl\":\"" + url.strip() + "\",\"tokenEnv\":\"SCIM_TARGET_T\"}", rule);
  }

  @Test
  void aPlainHttpTokenUrlIs400NamingIt() {
    assertRefused(
        "{\"baseUrl\":\"https://scim.example.com/v2\",\"auth\":{\"type\":\"oauth2\","
            + "\"tokenUrl\":\"http://login.example.com/token\",\"clientId\":\"fleet\","
            + "\"clientSecretEnv\":\"SCIM_TARGET_SECRET\"}}",
        "auth.tokenUrl 'http://login.example.com/token' is plain http://");
  }

  @Test
  void plainHttpToALoopbackTargetIsAcceptedAndToAnyHostWhenTheOperatorOptsIn() {
    assertThat(
            fixture
                .api
                .put(
                    "/api/v1/providers/local",
                    "{\"baseUrl\":\"http://127.0.0.1:8080/scim\",\"tokenEnv\":\"SCIM_TARGET_T\"}")
                .status())
        .isEqualTo(200);
    SecuritySettings open =
        new SecuritySettings(
            TestSecurity.settings(secrets, Map.of()).secrets(),
            TargetPolicy.fromEnv(Map.of("SCIM_ALLOW_HTTP_TARGETS", "true")),
            null);
    try (ApiFixture widened = new ApiFixture(Stores.inMemory(), open)) {
      ApiClient.Answer answer =
          widened.api.put(
              "/api/v1/providers/p",
              "{\"baseUrl\":\"http://10.1.2.3/scim\",\"tokenEnv\":\"SCIM_TARGET_T\"}");

      assertThat(answer.status()).isEqualTo(200);
    }
  }

  @Test
  void aTokenFileLinkedInsideTheDirectoryIsAccepted() throws IOException {
    Files.writeString(secrets.resolve("real"), "t");
    Files.createSymbolicLink(secrets.resolve("token"), secrets.resolve("real"));

    ApiClient.Answer answer =
        fixture.api.put(
            "/api/v1/providers/p",
            "{\"baseUrl\":\"https://scim.example.com/v2\",\"tokenFile\":\""
                + secrets.resolve("token")
                + "\"}");

    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void withoutAKeyAnInlineTokenIs400SayingHowToSetOne() {
    try (ApiFixture keyless =
        new ApiFixture(
            Stores.inMemory(),
            new SecuritySettings(
                new SecretSources(secrets, "SCIM_TARGET_", null, name -> null),
                TargetPolicy.defaults(),
                null))) {
      ApiClient.Answer answer =
          keyless.api.put(
              "/api/v1/providers/p",
              "{\"baseUrl\":\"https://scim.example.com/v2\",\"token\":\"t0k\"}");

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.error())
          .contains("SCIM_SECRET_KEY")
          .contains("openssl rand -base64 32")
          .doesNotContain("t0k");
      assertThat(keyless.stores.providers().list()).isEmpty();
    }
  }

  @Test
  void theOperatorCanAllowInsecureTlsAndALinkLocalRange() {
    SecuritySettings open =
        new SecuritySettings(
            TestSecurity.settings(secrets, Map.of()).secrets(),
            TargetPolicy.fromEnv(
                Map.of("SCIM_ALLOW_INSECURE_TLS", "true", "SCIM_TARGET_ALLOW", "169.254.10.0/24")),
            null);
    try (ApiFixture widened = new ApiFixture(Stores.inMemory(), open)) {
      ApiClient.Answer answer =
          widened.api.put(
              "/api/v1/providers/p",
              "{\"baseUrl\":\"https://169.254.10.7/scim\",\"tokenEnv\":\"SCIM_TARGET_T\",\"tlsInsecure\":true}");

      assertThat(answer.status()).isEqualTo(200);
    }
  }

  private void assertRefused(String body, String rule) {
    ApiClient.Answer answer = fixture.api.put("/api/v1/providers/p", body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).contains(rule);
    assertThat(fixture.stores.providers().list()).isEqualTo(List.of());
  }
}
