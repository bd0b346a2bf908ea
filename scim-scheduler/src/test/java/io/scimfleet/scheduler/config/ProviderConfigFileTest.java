package io.scimfleet.scheduler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.BulkMode;
import io.scimfleet.model.DeleteMode;
import io.scimfleet.model.DriftCheck;
import io.scimfleet.model.FeatureUse;
import io.scimfleet.model.Provider;
import io.scimfleet.model.VendorProfile;
import io.scimfleet.scheduler.config.ProviderRegistry.Change;
import io.scimfleet.scheduler.sync.FullSyncScheduling;
import io.scimfleet.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderConfigFileTest {
  private static final String TWO_PROVIDERS =
      """
      providers:
        - name: slack
          baseUrl: https://api.slack.com/scim/v2
          tokenEnv: SCIM_TARGET_SLACK
          deleteMode: deactivate
          deletionThreshold: 10
          fullSyncCron: "*/30 * * * *"
          userMappings:
            - name: 40-displayName
              expression: '{"displayName": username}'
        - name: github
          baseUrl: https://api.github.com/scim/v2/enterprises/acme
          tokenFile: /var/run/secrets/scim/github-token
          enabled: false
      """;

  @TempDir Path dir;
  private final Stores stores = Stores.inMemory();
  private final JobRunrFleet jobs = JobRunrFleet.inMemory();
  private final ProviderRegistry registry =
      new ProviderRegistry(
          stores,
          new FullSyncScheduling(stores, jobs.queue(), new FleetMetrics(new SimpleMeterRegistry())),
          SecuritySettings.fromEnv(Map.of()));

  @AfterEach
  void close() {
    jobs.close();
  }

  @Test
  void appliesEveryProviderOfTheFileWithItsSettings() throws IOException {
    Map<String, Change> changes = ProviderConfigFile.apply(file(TWO_PROVIDERS), registry);

    assertThat(changes)
        .containsExactly(Map.entry("slack", Change.CREATED), Map.entry("github", Change.CREATED));
    Provider slack = stores.providers().get("slack").orElseThrow();
    assertThat(slack.deleteMode()).isEqualTo(DeleteMode.DEACTIVATE);
    assertThat(slack.deletionThresholdPercent()).isEqualTo(10);
    assertThat(slack.fullSyncCron()).isEqualTo("*/30 * * * *");
    assertThat(slack.credential().describe()).isEqualTo("env:SCIM_TARGET_SLACK");
    assertThat(slack.userMappings()).extracting(m -> m.name()).containsExactly("40-displayName");
    assertThat(stores.providers().get("github").orElseThrow().enabled()).isFalse();
  }

  @Test
  void aProfileAndSwitchesOfItsOwnAreReadFromTheFile() throws IOException {
    ProviderConfigFile.apply(
        file(
            """
        providers:
          - name: aws
            baseUrl: https://scim.eu-west-1.amazonaws.com/abc/scim/v2
            tokenEnv: SCIM_TARGET_AWS
            profile: aws-identity-center
            memberPatchChunk: 50
            filters: [userName, externalId]
            requiredAttributes:
              users: [userName, externalId]
            etag: off                       # YAML 1.1 reads it as false
        """),
        registry);

    Provider aws = stores.providers().get("aws").orElseThrow();
    assertThat(aws.profile()).isEqualTo(VendorProfile.AWS_IDENTITY_CENTER);
    assertThat(aws.switches().memberPatchChunk()).isEqualTo(50);
    assertThat(aws.switches().filters()).containsExactly("userName", "externalId");
    assertThat(aws.switches().requiredAttributes().users())
        .containsExactly("userName", "externalId");
    assertThat(aws.switches().groupsReturnMembers()).isFalse();
    assertThat(aws.switches().etag()).isEqualTo(FeatureUse.OFF);
  }

  @Test
  void reapplyingTheSameFileChangesNothing() throws IOException {
    Path file = file(TWO_PROVIDERS);
    ProviderConfigFile.apply(file, registry);
    List<Provider> before = stores.providers().list();

    Map<String, Change> again = ProviderConfigFile.apply(file, registry);

    assertThat(again.values()).containsOnly(Change.UNCHANGED);
    assertThat(stores.providers().list()).isEqualTo(before);
  }

  @Test
  void aChangedEntryIsUpdatedAndTheOthersLeftAlone() throws IOException {
    ProviderConfigFile.apply(file(TWO_PROVIDERS), registry);

    Map<String, Change> changes =
        ProviderConfigFile.apply(
            file(TWO_PROVIDERS.replace("deletionThreshold: 10", "deletionThreshold: 20")),
            registry);

    assertThat(changes)
        .containsEntry("slack", Change.UPDATED)
        .containsEntry("github", Change.UNCHANGED);
    assertThat(stores.providers().get("slack").orElseThrow().deletionThresholdPercent())
        .isEqualTo(20);
  }

  @Test
  void bulkIsAutoUnlessTheEntryTurnsItOff() throws IOException {
    ProviderConfigFile.apply(
        file(
            TWO_PROVIDERS.replace("deletionThreshold: 10", "deletionThreshold: 10\n    bulk: off")),
        registry);

    assertThat(stores.providers().get("slack").orElseThrow().bulk()).isEqualTo(BulkMode.OFF);
    assertThat(stores.providers().get("github").orElseThrow().switches().bulk())
        .isEqualTo(io.scimfleet.model.FeatureUse.AUTO);
  }

  @Test
  void anInlineTokenIsRefusedBecauseConfigMapsAreNotSecret() throws IOException {
    Path file =
        file(
            """
        providers:
          - name: slack
            baseUrl: https://api.slack.com/scim/v2
            token: xoxp-not-in-a-configmap
        """);

    assertThatThrownBy(() -> ProviderConfigFile.apply(file, registry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slack")
        .hasMessageContaining("inline 'token' is refused")
        .hasMessageContaining("tokenEnv or tokenFile")
        .message()
        .doesNotContain("xoxp-not-in-a-configmap");
    assertThat(stores.providers().list()).isEmpty();
  }

  @Test
  void anInlineOAuth2ClientSecretIsRefusedAndAnEnvOneIsTaken() throws IOException {
    Path refused =
        file(
            """
        providers:
          - name: okta
            baseUrl: https://okta.example/scim/v2
            auth: {type: oauth2, tokenUrl: "https://okta.example/token", clientId: fleet, clientSecret: not-in-a-configmap}
        """);
    Path taken =
        file(
            """
        providers:
          - name: okta
            baseUrl: https://okta.example/scim/v2
            auth: {type: oauth2, tokenUrl: "https://okta.example/token", clientId: fleet, clientSecretEnv: SCIM_TARGET_OKTA}
        """);

    assertThatThrownBy(() -> ProviderConfigFile.apply(refused, registry))
        .hasMessageContaining("okta")
        .hasMessageContaining("inline secret in 'auth' is refused")
        .message()
        .doesNotContain("not-in-a-configmap");
    ProviderConfigFile.apply(taken, registry);

    assertThat(stores.providers().get("okta").orElseThrow().credential().oauth2().clientId())
        .isEqualTo("fleet");
  }

  @Test
  void anyBadEntryStopsTheWholeFileBeforeAnythingIsStored() throws IOException {
    Path file =
        file(
            TWO_PROVIDERS
                + """
          - name: broken
            baseUrl: ftp://files.example.com
            tokenEnv: SCIM_TARGET_X
        """);

    assertThatThrownBy(() -> ProviderConfigFile.apply(file, registry))
        .hasMessageContaining("broken")
        .hasMessageContaining("http:// or https://");
    assertThat(stores.providers().list()).isEmpty();
  }

  @Test
  void theDriftCheckAndUnmanagedRemovalAreSetFromTheFile() throws IOException {
    ProviderConfigFile.apply(
        file(
            """
        providers:
          - name: slack
            baseUrl: https://api.slack.com/scim/v2
            tokenEnv: SCIM_TARGET_X
            driftCheck: off
            deleteUnmanaged: true
        """),
        registry);

    Provider slack = stores.providers().get("slack").orElseThrow();
    assertThat(slack.driftCheck()).isEqualTo(DriftCheck.OFF);
    assertThat(slack.deleteUnmanaged()).isTrue();
  }

  @Test
  void theDriftCheckCronIsSetFromTheFileAndABadOneIsNamed() throws IOException {
    ProviderConfigFile.apply(
        file(
            """
        providers:
          - name: slack
            baseUrl: https://api.slack.com/scim/v2
            tokenEnv: SCIM_TARGET_X
            driftCheckCron: "0 4 * * 1"
        """),
        registry);
    assertThat(stores.providers().get("slack").orElseThrow().driftCheckCron())
        .isEqualTo("0 4 * * 1");

    Path bad =
        file(
            """
        providers:
          - name: github
            baseUrl: https://api.github.com/scim/v2
            tokenEnv: SCIM_TARGET_X
            driftCheckCron: "at night"
        """);
    assertThatThrownBy(() -> ProviderConfigFile.apply(bad, registry))
        .hasMessageContaining("driftCheckCron 'at night' is not a valid cron expression");
    assertThat(stores.providers().get("github")).isEmpty();
  }

  @Test
  void unknownFieldsAreNamed() throws IOException {
    Path file =
        file(
            """
        providers:
          - name: slack
            baseUrl: https://api.slack.com/scim/v2
            tokenEnv: SCIM_TARGET_X
            deleteMod: delete
        """);

    assertThatThrownBy(() -> ProviderConfigFile.apply(file, registry))
        .hasMessageContaining("unknown field 'deleteMod'");
  }

  @Test
  void aProviderDefinedTwiceIsRefused() throws IOException {
    Path file =
        file(TWO_PROVIDERS + TWO_PROVIDERS.substring(TWO_PROVIDERS.indexOf("  - name: github")));

    assertThatThrownBy(() -> ProviderConfigFile.apply(file, registry))
        .hasMessageContaining("'github' is defined twice");
  }

  @Test
  void aMappingThatDoesNotCompileIsNamed() throws IOException {
    Path file =
        file(
            """
        providers:
          - name: slack
            baseUrl: https://api.slack.com/scim/v2
            tokenEnv: SCIM_TARGET_X
            groupMappings:
              - name: 99-broken
                expression: '{"displayName": '
        """);

    assertThatThrownBy(() -> ProviderConfigFile.apply(file, registry))
        .hasMessageContaining("99-broken");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tokenEnv: SCIM_ADMIN_TOKEN                        | must start with SCIM_TARGET_",
        "tokenEnv: REDIS_URL                               | must start with SCIM_TARGET_",
        "tokenFile: /var/run/secrets/scim/../../../etc/passwd | must be inside /var/run/secrets/scim",
        "tokenFile: /etc/passwd                            | must be inside /var/run/secrets/scim",
        "caBundleFile: /etc/ssl/private/key.pem ; tokenEnv: SCIM_TARGET_X | must be inside /var/run/secrets/scim",
      })
  void aSecretSourceOutsideTheRulesIsRefusedFromTheFileToo(String source, String rule)
      throws IOException {
    Path file =
        file(
            """
        providers:
          - name: thief
            baseUrl: https://collector.example.com/scim/v2
            %s
        """
                .formatted(source.replace(" ; ", "\n    ")));

    assertThatThrownBy(() -> ProviderConfigFile.apply(file, registry))
        .hasMessageContaining("thief")
        .hasMessageContaining(rule);
    assertThat(stores.providers().list()).isEmpty();
  }

  @Test
  void theExampleFileIsValid() {
    assertThat(ProviderConfigFile.read(Path.of("../examples/providers.yaml"), registry.security()))
        .singleElement()
        .satisfies(p -> assertThat(p.dryRun()).isTrue());
  }

  private Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("providers-" + System.nanoTime() + ".yaml"), yaml);
  }
}
