package io.scimfleet.scheduler;

import static io.scimfleet.scheduler.inbound.Requests.ENTERPRISE;
import static io.scimfleet.scheduler.inbound.Requests.entraUser;
import static io.scimfleet.scheduler.inbound.Requests.group;
import static io.scimfleet.scheduler.inbound.Requests.patch;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.model.Credential;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.http.ApiServer;
import io.scimfleet.scheduler.http.ApiSettings;
import io.scimfleet.scheduler.inbound.InboundSettings;
import io.scimfleet.scheduler.inbound.ScimCalls;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An identity provider writes through /scim/v2 (shaped as Entra ID sends it); a scheduler and a
 * worker on the real Redis fan every write out to two real SCIM servers, each with its own
 * mappings: names, the enterprise extension, the manager as each target's own id, memberships,
 * deactivation and deletion.
 */
class InboundFanOutIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String TOKEN = "inbound-fan-out-token-4e1c";

  private ScimSdkServer slack;
  private ScimSdkServer github;
  private Fleet fleet;
  private ApiServer api;
  private ScimCalls idp;

  @BeforeEach
  void start() {
    slack = ScimSdkServer.start();
    github = ScimSdkServer.start();
    SecuritySettings security = TestSecurity.settings();
    fleet = new Fleet(InboundFanOutIT.class, 1, security);
    fleet.addProvider(
        aProvider("slack")
            .at(slack.baseUrl().toString())
            .withCredential(Credential.inline(slack.token()))
            .withDeletionThreshold(100)
            .build());
    fleet.addProvider(
        aProvider("github")
            .at(github.baseUrl().toString())
            .withCredential(Credential.inline(github.token()))
            .withDeletionThreshold(100)
            .withUserMapping("40-displayName", "{\"displayName\": $uppercase(name)}")
            .withUserMapping("84-department", "{}")
            .build());
    api =
        ApiServer.start(
            fleet.scheduler,
            new ProviderRegistry(fleet.stores, fleet.scheduler.fullSyncs(), security),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            new ApiSettings("admin-" + TOKEN, null, 1 << 20, 0)
                .withInbound(InboundSettings.withTokens(TOKEN)));
    idp = new ScimCalls(api.port(), TOKEN);
  }

  @AfterEach
  void stop() {
    api.close();
    fleet.close();
    slack.close();
    github.close();
  }

  @Test
  void whatAnIdpWritesReachesEveryTargetWithItsOwnMappingsAndTheManagerAsThatTargetsId() {
    String boss = idp.post("/Users", entraUser("boss@contoso.com", null)).id();
    String ada = idp.post("/Users", entraUser("ada@contoso.com", boss)).id();
    String team = idp.post("/Groups", group("Engineers", boss, ada)).id();

    for (ScimSdkServer target : new ScimSdkServer[] {slack, github}) {
      await().atMost(PATIENCE).until(() -> target.memberNames("Engineers").size() == 2);
      JsonNode remoteBoss = target.userNamed("boss@contoso.com").orElseThrow();
      JsonNode remoteAda = target.userNamed("ada@contoso.com").orElseThrow();
      assertThat(remoteAda.path(ENTERPRISE).path("manager").path("value").asText())
          .as("the manager is the target's own id")
          .isEqualTo(remoteBoss.path("id").asText())
          .isNotEqualTo(boss);
      assertThat(remoteAda.path(ENTERPRISE).path("employeeNumber").asText()).isEqualTo("1701");
      assertThat(remoteAda.path("title").asText()).isEqualTo("Engineer");
      assertThat(remoteAda.path("name").path("givenName").asText()).isEqualTo("Test");
    }
    assertThat(slack.userNamed("ada@contoso.com").orElseThrow().path("displayName").asText())
        .isEqualTo("Test User");
    assertThat(github.userNamed("ada@contoso.com").orElseThrow().path("displayName").asText())
        .isEqualTo("TEST USER");
    assertThat(
            slack
                .userNamed("ada@contoso.com")
                .orElseThrow()
                .path(ENTERPRISE)
                .path("department")
                .asText())
        .isEqualTo("R&D");
    assertThat(github.userNamed("ada@contoso.com").orElseThrow().path(ENTERPRISE).has("department"))
        .isFalse();

    idp.patch(
        "/Users/" + ada, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"));
    idp.patch(
        "/Groups/" + team,
        patch("{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + boss + "\\\"]\"}"));
    for (ScimSdkServer target : new ScimSdkServer[] {slack, github}) {
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  !target.userNamed("ada@contoso.com").orElseThrow().path("active").asBoolean(true)
                      && target.memberNames("Engineers").equals(Set.of("ada@contoso.com")));
    }

    idp.delete("/Users/" + ada);
    idp.delete("/Groups/" + team);
    for (ScimSdkServer target : new ScimSdkServer[] {slack, github}) {
      await()
          .atMost(PATIENCE)
          .until(() -> target.userNamed("ada@contoso.com").isEmpty() && target.groups().isEmpty());
      assertThat(target.userNamed("boss@contoso.com")).isPresent();
    }
  }
}
