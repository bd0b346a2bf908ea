package io.scimfleet.scheduler;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.model.Credential;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestCertificates;
import io.scimfleet.testing.TestSecurity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduler and two workers on the real Redis, syncing to a SCIM-SDK server over HTTPS whose
 * certificate (SAN localhost, 127.0.0.1) a test CA signed; the provider trusts that CA's PEM
 * bundle.
 */
class FleetOverHttpsIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dir;

  private TestCertificates.Authority ca;
  private ScimSdkServer target;
  private Fleet fleet;

  @BeforeEach
  void start() {
    ca = TestCertificates.authority("Fleet HTTPS Test CA");
    target =
        ScimSdkServer.startHttps(
            ScimSdkServer.Options.defaults(), ca.issue("localhost", "127.0.0.1").serverContext());
    fleet =
        new Fleet(
            FleetOverHttpsIT.class,
            2,
            TestSecurity.settings(dir, Map.of())); // the CA bundles live in the secrets dir
  }

  @AfterEach
  void stop() {
    fleet.close();
    target.close();
  }

  @Test
  void usersAndGroupsReachAnHttpsTargetWhoseCaIsInTheProvidersBundle() {
    fleet.addProvider(provider("https", target.baseUrl(), ca.writePem(dir.resolve("ca.pem"))));
    assertThat(target.baseUrl().toString()).startsWith("https://127.0.0.1:");

    fleet.stores.directory().putUser(aUser("u1").named("Ada Lovelace").withUsername("ada").build());
    fleet.stores.directory().putUser(aUser("u2").named("Alan Turing").withUsername("alan").build());
    fleet.stores.directory().putGroup(aGroup("g1").named("Engineers").build(), List.of("u1", "u2"));

    await()
        .atMost(PATIENCE)
        .until(() -> target.memberNames("Engineers").equals(Set.of("ada", "alan")));
    assertThat(target.users())
        .extracting(u -> u.path("userName").asText())
        .containsExactlyInAnyOrder("ada", "alan");
  }

  @Test
  void aTargetWhoseCertificateTheProviderDoesNotTrustIsRefusedWithTheReasonInTheSyncState() {
    Path otherCa =
        TestCertificates.authority("Some Other CA").writePem(dir.resolve("other-ca.pem"));
    fleet.addProvider(provider("https-untrusted", target.baseUrl("localhost"), otherCa));

    fleet.stores.directory().putUser(aUser("u1").withUsername("ada").build());

    await().atMost(PATIENCE).until(() -> lastError("https-untrusted", "u1").isPresent());
    assertThat(lastError("https-untrusted", "u1").orElseThrow())
        .contains("TLS refused: untrusted issuer")
        .contains("CN=Fleet HTTPS Test CA")
        .contains(otherCa.toString());
    assertThat(target.users()).isEmpty();
  }

  private Provider provider(String name, URI baseUrl, Path caBundle) {
    return aProvider(name)
        .at(baseUrl.toString())
        .withCredential(Credential.inline(target.token()))
        .withDeletionThreshold(100)
        .trustingCaBundle(caBundle.toString())
        .build();
  }

  private Optional<String> lastError(String provider, String userId) {
    return fleet
        .stores
        .syncState()
        .get(provider, ObjectType.USER, userId)
        .map(ObjectSyncState::lastError);
  }
}
