package io.scimfleet.worker.pipeline;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.OAuth2Client;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.secret.SecretException;
import io.scimfleet.store.InMemoryProviderStore;
import io.scimfleet.target.RefusedTargetException;
import io.scimfleet.testing.TestSecurity;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whatever the store holds, the worker checks the rules again before it sends a token anywhere. */
class ProviderContextsSecurityTest {
  private final InMemoryProviderStore store = new InMemoryProviderStore();
  private final ProviderContexts contexts =
      new ProviderContexts(
          store,
          new FleetMetrics(new SimpleMeterRegistry()),
          RateLimiter.local(),
          TestSecurity.settings(
              Path.of("/nonexistent/scim-secrets"),
              Map.of("SCIM_ADMIN_TOKEN", "admin", "SCIM_TARGET_OK", "ok")),
          null);

  @AfterEach
  void close() {
    contexts.close();
  }

  @Test
  void aStoredVariableOutsideThePrefixIsNotRead() {
    store.put(aProvider("p").withCredential(Credential.fromEnv("SCIM_ADMIN_TOKEN")).build());

    assertThatThrownBy(() -> contexts.get("p"))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("SCIM_TARGET_");
  }

  @Test
  void aStoredFileOutsideTheDirectoryIsNotRead() {
    store.put(aProvider("p").withTokenFile("/etc/hostname").build());

    assertThatThrownBy(() -> contexts.get("p"))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("must be inside");
  }

  @Test
  void aStoredMetadataTargetIsRefused() {
    store.put(
        aProvider("p")
            .at("http://169.254.169.254/latest")
            .withCredential(Credential.fromEnv("SCIM_TARGET_OK"))
            .build());

    assertThatThrownBy(() -> contexts.get("p"))
        .isInstanceOf(RefusedTargetException.class)
        .hasMessageContaining("169.254.169.254");
  }

  @Test
  void aStoredMetadataTokenEndpointIsRefused() {
    OAuth2Client client =
        new OAuth2Client(URI.create("http://169.254.169.254/token"), "fleet", null, null, null);
    store.put(
        aProvider("p")
            .withCredential(Credential.oauth2(client, Credential.fromEnv("SCIM_TARGET_OK")))
            .build());

    assertThatThrownBy(() -> contexts.get("p"))
        .isInstanceOf(RefusedTargetException.class)
        .hasMessageContaining("169.254.169.254");
  }

  @Test
  void aStoredClientSecretOutsideThePrefixIsNotRead() {
    OAuth2Client client =
        new OAuth2Client(URI.create("https://login.example/token"), "fleet", null, null, null);
    store.put(
        aProvider("p")
            .withCredential(Credential.oauth2(client, Credential.fromEnv("SCIM_ADMIN_TOKEN")))
            .build());

    assertThatThrownBy(() -> contexts.get("p"))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("SCIM_TARGET_");
  }

  @Test
  void aStoredPlainHttpTargetOrTokenEndpointBeyondLoopbackIsRefused() {
    store.put(
        aProvider("plain")
            .at("http://scim.example.org/v2")
            .withCredential(Credential.fromEnv("SCIM_TARGET_OK"))
            .build());
    OAuth2Client client =
        new OAuth2Client(URI.create("http://login.example.org/token"), "fleet", null, null, null);
    store.put(
        aProvider("token")
            .withCredential(Credential.oauth2(client, Credential.fromEnv("SCIM_TARGET_OK")))
            .build());

    assertThatThrownBy(() -> contexts.get("plain"))
        .isInstanceOf(RefusedTargetException.class)
        .hasMessageContaining("baseUrl 'http://scim.example.org/v2' is plain http://")
        .hasMessageContaining("SCIM_ALLOW_HTTP_TARGETS=true");
    assertThatThrownBy(() -> contexts.get("token"))
        .isInstanceOf(RefusedTargetException.class)
        .hasMessageContaining("auth.tokenUrl 'http://login.example.org/token' is plain http://");
  }

  @Test
  void aStoredInsecureTlsSettingIsRefusedUnlessTheWorkerAllowsIt() {
    store.put(
        aProvider("p")
            .withCredential(Credential.fromEnv("SCIM_TARGET_OK"))
            .withTlsInsecure()
            .build());

    assertThatThrownBy(() -> contexts.get("p"))
        .isInstanceOf(RefusedTargetException.class)
        .hasMessageContaining("SCIM_ALLOW_INSECURE_TLS");
  }

  @Test
  void aSealedTokenIsOpenedAndAPrefixedVariableRead() {
    store.put(aProvider("sealed").withCredential(TestSecurity.inline("sealed", "t")).build());
    store.put(aProvider("env").withCredential(Credential.fromEnv("SCIM_TARGET_OK")).build());

    assertThat(contexts.get("sealed")).isPresent();
    assertThat(contexts.get("env")).isPresent();
  }

  @Test
  void aTokenSealedForAnotherProviderIsRefused() {
    store.put(
        aProvider("attacker").withStoredCredential(TestSecurity.inline("victim", "t")).build());

    assertThatThrownBy(() -> contexts.get("attacker"))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("sealed for another place");
  }

  @Test
  void anInlineTokenStoredInClearIsRefused() {
    store.put(aProvider("clear").withStoredCredential(Credential.inline("clear-token")).build());

    assertThatThrownBy(() -> contexts.get("clear"))
        .isInstanceOf(SecretException.class)
        .hasMessageContaining("without encryption is refused");
  }
}
