package io.scimfleet.deploy;

import static io.scimfleet.deploy.Chart.FULLNAME;
import static io.scimfleet.deploy.Yaml.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HelmChartTest {

  static final String SCHEDULER = FULLNAME + "-scheduler";
  static final String WORKER = FULLNAME + "-worker";
  static final String REDIS = FULLNAME + "-redis";
  static final String SENTINEL_URL =
      "redis-sentinel://scim:pw@s-0.example:26379,s-1.example:26379,s-2.example:26379/fleet/0";

  static Stream<Arguments> variants() {
    return Stream.of(
        Arguments.of("defaults", values()),
        Arguments.of("KEDA", values("workers.autoscaling.keda.enabled", true)),
        Arguments.of("HPA", values("workers.autoscaling.enabled", true)),
        Arguments.of(
            "external Redis",
            values("redis.enabled", false, "externalRedis.url", "redis://redis.example:6379/0")),
        Arguments.of(
            "external Redis from a Secret and existing secrets",
            values(
                "redis.enabled",
                false,
                "externalRedis.existingSecret",
                "redis-url",
                "adminToken.existingSecret",
                "scim-admin",
                "providerTokens.existingSecret",
                "scim-tokens",
                "secretKey.existingSecret",
                "scim-secret-key")),
        Arguments.of(
            "external Redis Sentinel with a password of its own",
            values(
                "redis.enabled",
                false,
                "externalRedis.url",
                SENTINEL_URL,
                "externalRedis.sentinel.enabled",
                true,
                "externalRedis.sentinel.existingSecret",
                "sentinel-pw")),
        Arguments.of(
            "monitoring on",
            values("serviceMonitor.enabled", true, "prometheusRule.enabled", true)),
        Arguments.of(
            "IPv6 targets, loopback allowed",
            values(
                "networkPolicy.targets.cidrs",
                List.of("0.0.0.0/0", "::/0", "10.0.0.0/8"),
                "common.targetDeny",
                "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void lintStrictPasses(String variant, Map<String, Object> overrides) {
    var result = Chart.lintStrict(overrides);
    assertThat(result.isFailed())
        .as("helm lint --strict (%s): %s", variant, result.getMessages())
        .isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void everyVariantRendersHardenedPodsWithProbesOnTheirPorts(
      String variant, Map<String, Object> overrides) {
    Rendered chart = Chart.template(overrides);
    assertHardened(chart, "Deployment", SCHEDULER);
    assertHardened(chart, "Deployment", WORKER);
    assertProbes(chart.container("Deployment", SCHEDULER), "http", 8080);
    assertProbes(chart.container("Deployment", WORKER), "metrics", 9090);
    assertThat(chart.all("NetworkPolicy")).as(variant).isNotEmpty();
    assertThat(chart.all("PodDisruptionBudget")).as(variant).hasSize(2);
  }

  @Test
  void defaultsBundleRedisWithAppendOnlyFileOnAVolume() {
    Rendered chart = Chart.template(values());
    JsonNode redis = chart.get("StatefulSet", REDIS);
    List<String> args = texts(chart.container("StatefulSet", REDIS).path("args"));
    assertThat(args)
        .containsSequence("--appendonly", "yes")
        .containsSequence("--maxmemory-policy", "noeviction");
    assertThat(redis.at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage").asText())
        .isEqualTo("8Gi");
    assertHardened(chart, "StatefulSet", REDIS);
    assertThat(chart.env("Deployment", WORKER, "REDIS_URL"))
        .isEqualTo("redis://:$(REDIS_PASSWORD)@" + REDIS + ":6379/0");
    assertThat(chart.env("Deployment", SCHEDULER, "REDIS_URL"))
        .isEqualTo("redis://:$(REDIS_PASSWORD)@" + REDIS + ":6379/0");
  }

  @Test
  void bundledRedisRequiresAPasswordFromASecretThatTheProcessesPutInTheirUrl() {
    Rendered chart = Chart.template(values());
    JsonNode redis = chart.container("StatefulSet", REDIS);
    assertThat(texts(redis.path("args"))).containsSequence("--requirepass", "$(REDIS_PASSWORD)");
    assertThat(chart.env("StatefulSet", REDIS, "REDISCLI_AUTH")).isEqualTo("$(REDIS_PASSWORD)");
    assertDefinedBefore(redis, "REDIS_PASSWORD", "REDISCLI_AUTH");
    for (String process : List.of(WORKER, SCHEDULER)) {
      assertDefinedBefore(chart.container("Deployment", process), "REDIS_PASSWORD", "REDIS_URL");
      assertThat(chart.env("Deployment", process, "REDIS_PASSWORD"))
          .contains("\"name\":\"" + FULLNAME + "-redis-auth\"");
    }
    JsonNode secret = chart.get("Secret", FULLNAME + "-redis-auth");
    assertThat(secret.at("/data/REDIS_PASSWORD").asText()).isNotBlank();
    assertThat(secret.at("/metadata/annotations/helm.sh~1resource-policy").asText())
        .isEqualTo("keep");

    Rendered existing =
        Chart.template(
            values("redis.auth.existingSecret", "my-redis", "redis.auth.existingSecretKey", "pw"));
    assertThat(existing.env("Deployment", WORKER, "REDIS_PASSWORD"))
        .contains("\"name\":\"my-redis\"")
        .contains("\"key\":\"pw\"");
    assertThat(existing.all("Secret").stream().map(s -> s.at("/metadata/name").asText()))
        .doesNotContain(FULLNAME + "-redis-auth");
  }

  @Test
  void theDashboardIsOffByDefaultAndWhenOnItsLoginComesFromASecretOnLoopback() {
    Rendered chart =
        Chart.template(
            values(
                "scheduler.dashboard.enabled",
                true,
                "scheduler.dashboard.password",
                "pw-from-values"));
    JsonNode login = chart.get("Secret", FULLNAME + "-dashboard-login");
    assertThat(login.at("/data/SCIM_DASHBOARD_USER").asText()).isEqualTo("YWRtaW4=");
    assertThat(login.at("/data/SCIM_DASHBOARD_PASSWORD").asText())
        .isEqualTo("cHctZnJvbS12YWx1ZXM=");
    assertThat(chart.env("Deployment", SCHEDULER, "SCIM_DASHBOARD_PASSWORD"))
        .contains(FULLNAME + "-dashboard-login");
    assertThat(chart.env("Deployment", SCHEDULER, "SCIM_DASHBOARD_BIND")).isEqualTo("127.0.0.1");
    assertThat(envNames(chart.container("Deployment", WORKER)))
        .doesNotContain("SCIM_DASHBOARD_PASSWORD");

    Rendered off = Chart.template(values());
    assertThat(envNames(off.container("Deployment", SCHEDULER)))
        .doesNotContain("SCIM_DASHBOARD_USER", "SCIM_DASHBOARD_PASSWORD", "SCIM_DASHBOARD_BIND");
    assertThat(off.all("Secret").stream().map(s -> s.at("/metadata/name").asText()))
        .doesNotContain(FULLNAME + "-dashboard-login");
  }

  @Test
  void theInboundScimTokenComesFromTheNamedSecretAndTheEndpointIsOffWithoutIt() {
    Rendered on =
        Chart.template(
            values(
                "scheduler.inboundScim.existingSecret",
                "idp-token",
                "scheduler.inboundScim.requestsPerSecond",
                40));
    assertThat(on.env("Deployment", SCHEDULER, "SCIM_INBOUND_TOKEN"))
        .contains("\"name\":\"idp-token\"")
        .contains("\"key\":\"SCIM_INBOUND_TOKEN\"");
    assertThat(on.env("Deployment", SCHEDULER, "SCIM_INBOUND_RATE")).isEqualTo("40");
    assertThat(envNames(on.container("Deployment", WORKER))).doesNotContain("SCIM_INBOUND_TOKEN");

    Rendered off = Chart.template(values());
    assertThat(envNames(off.container("Deployment", SCHEDULER)))
        .doesNotContain("SCIM_INBOUND_TOKEN", "SCIM_INBOUND_RATE");
  }

  @Test
  void externalRedisReplacesTheStatefulSet() {
    Rendered byUrl =
        Chart.template(
            values("redis.enabled", false, "externalRedis.url", "rediss://r.example:6380/2"));
    assertThat(byUrl.has("StatefulSet")).isFalse();
    assertThat(byUrl.env("Deployment", WORKER, "REDIS_URL")).isEqualTo("rediss://r.example:6380/2");

    Rendered bySecret =
        Chart.template(values("redis.enabled", false, "externalRedis.existingSecret", "redis-url"));
    assertThat(bySecret.env("Deployment", WORKER, "REDIS_URL"))
        .contains("secretKeyRef")
        .contains("\"name\":\"redis-url\"")
        .contains("\"key\":\"REDIS_URL\"");
  }

  @Test
  void externalSentinelGetsItsUrlItsPasswordAndAWayThroughTheNetworkPolicy() {
    Rendered chart =
        Chart.template(
            values(
                "redis.enabled",
                false,
                "externalRedis.url",
                SENTINEL_URL,
                "externalRedis.cidrs",
                List.of("10.1.0.0/16"),
                "externalRedis.sentinel.enabled",
                true,
                "externalRedis.sentinel.existingSecret",
                "sentinel-pw"));
    assertThat(chart.has("StatefulSet")).isFalse();
    for (String deployment : List.of(SCHEDULER, WORKER)) {
      assertThat(chart.env("Deployment", deployment, "REDIS_URL")).isEqualTo(SENTINEL_URL);
      assertThat(chart.env("Deployment", deployment, "SCIM_REDIS_SENTINEL_PASSWORD"))
          .contains("secretKeyRef")
          .contains("\"name\":\"sentinel-pw\"")
          .contains("\"key\":\"SCIM_REDIS_SENTINEL_PASSWORD\"");
      JsonNode redisEgress = chart.get("NetworkPolicy", deployment).at("/spec/egress/1");
      assertThat(redisEgress.at("/to/0/ipBlock/cidr").asText()).isEqualTo("10.1.0.0/16");
      assertThat(redisEgress.path("ports").findValuesAsText("port"))
          .containsExactlyInAnyOrder("6379", "26379");
    }
  }

  @Test
  void eachComponentCanReadItsOwnRedisUrlForItsOwnAclUser() {
    Rendered chart =
        Chart.template(
            values(
                "redis.enabled",
                false,
                "externalRedis.existingSecret",
                "redis-urls",
                "externalRedis.componentSecretKeys",
                Map.of("scheduler", "SCHEDULER_REDIS_URL", "worker", "WORKER_REDIS_URL")));
    assertThat(chart.env("Deployment", SCHEDULER, "REDIS_URL"))
        .contains("\"name\":\"redis-urls\"")
        .contains("\"key\":\"SCHEDULER_REDIS_URL\"");
    assertThat(chart.env("Deployment", WORKER, "REDIS_URL"))
        .contains("\"key\":\"WORKER_REDIS_URL\"");

    Rendered shared =
        Chart.template(values("redis.enabled", false, "externalRedis.existingSecret", "redis-url"));
    assertThat(shared.env("Deployment", SCHEDULER, "REDIS_URL")).contains("\"key\":\"REDIS_URL\"");
  }

  @Test
  void withoutASentinelPasswordNoneIsSet() {
    Rendered chart =
        Chart.template(
            values(
                "redis.enabled",
                false,
                "externalRedis.url",
                SENTINEL_URL,
                "externalRedis.sentinel.enabled",
                true));
    assertThat(envNames(chart.container("Deployment", WORKER)))
        .doesNotContain("SCIM_REDIS_SENTINEL_PASSWORD");
  }

  @Test
  void aSentinelUrlAndTheSentinelSwitchMustAgree() {
    assertThatThrownBy(
            () -> Chart.template(values("redis.enabled", false, "externalRedis.url", SENTINEL_URL)))
        .hasMessageContaining("set externalRedis.sentinel.enabled: true");
    assertThatThrownBy(
            () ->
                Chart.template(
                    values(
                        "redis.enabled",
                        false,
                        "externalRedis.url",
                        "redis://r.example:6379/0",
                        "externalRedis.sentinel.enabled",
                        true)))
        .hasMessageContaining("externalRedis.url must be redis-sentinel://");
  }

  @Test
  void theBundledRedisIsAtLeast746AndRunsThePinnedDigest() {
    String image = Chart.template(values()).container("StatefulSet", REDIS).path("image").asText();
    assertThat(image).startsWith("redis:");
    String[] version = image.substring("redis:".length()).split("-", -1)[0].split("\\.", -1);
    assertThat(
            Integer.parseInt(version[0]) * 10_000
                + Integer.parseInt(version[1]) * 100
                + Integer.parseInt(version[2]))
        .as(image)
        .isGreaterThanOrEqualTo(70_406);

    String digest = "sha256:" + "ab".repeat(32);
    assertThat(
            Chart.template(values("redis.image.digest", digest))
                .container("StatefulSet", REDIS)
                .path("image")
                .asText())
        .isEqualTo(image + "@" + digest);
    assertThatThrownBy(() -> Chart.template(values("redis.image.digest", "latest")))
        .hasMessageContaining("digest");
  }

  @Test
  void externalRedisWithoutAUrlFailsWithAHint() {
    assertThatThrownBy(() -> Chart.template(values("redis.enabled", false)))
        .hasMessageContaining("set externalRedis.url or externalRedis.existingSecret");
  }

  @Test
  void workerGracePeriodIsTheDrainTimePlusAMargin() {
    Rendered defaults = Chart.template(values());
    int drain = Integer.parseInt(defaults.env("Deployment", WORKER, "SCIM_DRAIN_SECONDS"));
    assertThat(defaults.podSpec("Deployment", WORKER).path("terminationGracePeriodSeconds").asInt())
        .isGreaterThan(drain);

    Rendered longDrain = Chart.template(values("workers.drainSeconds", 120));
    assertThat(longDrain.env("Deployment", WORKER, "SCIM_DRAIN_SECONDS")).isEqualTo("120");
    assertThat(
            longDrain.podSpec("Deployment", WORKER).path("terminationGracePeriodSeconds").asInt())
        .isEqualTo(135);
  }

  @Test
  void jvmHeapFollowsTheContainerMemoryAndTheJitStopsAtItsFirstTier() {
    Rendered chart = Chart.template(values());
    for (String process : List.of(SCHEDULER, WORKER)) {
      assertThat(chart.env("Deployment", process, "JAVA_TOOL_OPTIONS"))
          .contains("-XX:MaxRAMPercentage=75")
          .contains("-XX:InitialRAMPercentage=10")
          .contains("-XX:TieredStopAtLevel=1");
    }
  }

  @Test
  void providersFileIsMountedWhereScimConfigPoints() {
    Rendered chart =
        Chart.template(
            values(
                "config.providersYaml",
                "providers:\n  - name: slack\n    tokenEnv: SCIM_TARGET_SLACK_TOKEN\n"));
    String path = chart.env("Deployment", WORKER, "SCIM_CONFIG");
    assertThat(path).isEqualTo("/etc/scim-fleet/config/providers.yaml");
    assertThat(
            chart
                .get("ConfigMap", FULLNAME + "-providers")
                .path("data")
                .path("providers.yaml")
                .asText())
        .contains("tokenEnv: SCIM_TARGET_SLACK_TOKEN");
    assertThat(mountPaths(chart.container("Deployment", WORKER)))
        .contains("/etc/scim-fleet/config", "/var/run/secrets/scim");
    assertThat(mountPaths(chart.container("Deployment", SCHEDULER)))
        .contains("/var/run/secrets/scim");
  }

  @Test
  void anInlineTokenInTheProvidersFileIsRefused() {
    assertThatThrownBy(
            () ->
                Chart.template(
                    values(
                        "config.providersYaml",
                        "providers:\n  - name: slack\n    token: xoxp-123\n")))
        .hasMessageContaining("tokenEnv");
  }

  @Test
  void checksumRollsThePodsWhenTheProvidersFileChangesAndOnlyThen() {
    String before = configChecksum(Chart.template(values()), WORKER);
    String unrelated = configChecksum(Chart.template(values("workers.threads", 64)), WORKER);
    String changed =
        configChecksum(
            Chart.template(values("config.providersYaml", "providers:\n  - name: github\n")),
            WORKER);
    assertThat(before).isNotBlank().isEqualTo(unrelated).isNotEqualTo(changed);
    assertThat(configChecksum(Chart.template(values()), SCHEDULER)).isEqualTo(before);

    String secretBefore = checksum(Chart.template(values()), WORKER, "checksum/secret");
    String secretChanged =
        checksum(
            Chart.template(values("providerTokens.values.SLACK_TOKEN", "xoxp-2")),
            WORKER,
            "checksum/secret");
    assertThat(secretBefore).isNotEqualTo(secretChanged);
  }

  @Test
  void tokensComeFromSecretsAsPrefixedEnvironmentAndFilesInTheSecretsDir() {
    Rendered chart = Chart.template(values("providerTokens.values.SLACK_TOKEN", "xoxp-1"));
    JsonNode tokens = chart.get("Secret", FULLNAME + "-provider-tokens");
    assertThat(tokens.path("data").path("SLACK_TOKEN").asText()).isNotBlank();
    for (String deployment : new String[] {WORKER, SCHEDULER}) {
      assertThat(chart.container("Deployment", deployment).at("/envFrom/0/secretRef/name").asText())
          .isEqualTo(FULLNAME + "-provider-tokens");
      assertThat(chart.container("Deployment", deployment).at("/envFrom/0/prefix").asText())
          .isEqualTo("SCIM_TARGET_");
    }
    assertThat(chart.env("Deployment", SCHEDULER, "SCIM_ADMIN_TOKEN"))
        .contains(FULLNAME + "-admin");
    assertThat(envNames(chart.container("Deployment", WORKER))).doesNotContain("SCIM_ADMIN_TOKEN");

    Rendered existing =
        Chart.template(
            values(
                "adminToken.existingSecret",
                "mine",
                "providerTokens.existingSecret",
                "theirs",
                "secretKey.existingSecret",
                "keys",
                "scheduler.dashboard.existingSecret",
                "dash",
                "redis.auth.existingSecret",
                "redis-pw"));
    assertThat(existing.all("Secret")).isEmpty();
    assertThat(existing.env("Deployment", WORKER, "SCIM_SECRET_KEY")).contains("\"name\":\"keys\"");
    assertThat(existing.env("Deployment", SCHEDULER, "SCIM_ADMIN_TOKEN"))
        .contains("\"name\":\"mine\"");
    assertThat(existing.container("Deployment", WORKER).at("/envFrom/0/secretRef/name").asText())
        .isEqualTo("theirs");
  }

  @Test
  void theKeyThatSealsInlineTokensIsGeneratedOnceKeptAndGivenToBothProcesses() {
    Rendered chart = Chart.template(values());
    JsonNode secret = chart.get("Secret", FULLNAME + "-secret-key");
    String key =
        new String(
            Base64.getDecoder().decode(secret.path("data").path("SCIM_SECRET_KEY").asText()),
            StandardCharsets.UTF_8);
    assertThat(Base64.getDecoder().decode(key)).hasSize(32);
    assertThat(secret.at("/metadata/annotations/helm.sh~1resource-policy").asText())
        .isEqualTo("keep");
    for (String deployment : new String[] {WORKER, SCHEDULER}) {
      assertThat(chart.env("Deployment", deployment, "SCIM_SECRET_KEY"))
          .contains(FULLNAME + "-secret-key");
    }

    String given = "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=";
    JsonNode chosen =
        Chart.template(values("secretKey.value", given)).get("Secret", FULLNAME + "-secret-key");
    assertThat(
            new String(
                Base64.getDecoder().decode(chosen.path("data").path("SCIM_SECRET_KEY").asText()),
                StandardCharsets.UTF_8))
        .isEqualTo(given);
    assertThat(chosen.at("/metadata/annotations").isMissingNode()).isTrue();
  }

  @Test
  void dashboardServiceIsInternalByDefault() {
    Rendered chart = Chart.template(values());
    assertThat(chart.get("Service", FULLNAME + "-dashboard").at("/spec/type").asText())
        .isEqualTo("ClusterIP");
    assertThat(chart.get("Service", FULLNAME + "-dashboard").at("/spec/ports/0/port").asInt())
        .isEqualTo(8000);
    assertThat(chart.get("Service", SCHEDULER).at("/spec/ports/0/port").asInt()).isEqualTo(8080);
  }

  @Test
  void schedulerReplicasAreConfigurableAndWorkersFollowTheirAutoscaler() {
    Rendered fixed = Chart.template(values("scheduler.replicas", 3, "workers.replicas", 5));
    assertThat(fixed.get("Deployment", SCHEDULER).at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(fixed.get("Deployment", WORKER).at("/spec/replicas").asInt()).isEqualTo(5);
    assertThat(fixed.has("HorizontalPodAutoscaler") || fixed.has("ScaledObject")).isFalse();
  }

  @Test
  void kedaScalesWorkersOnTheMaxOfTheEnqueuedGauge() {
    Rendered chart =
        Chart.template(
            values("workers.autoscaling.keda.enabled", true, "workers.autoscaling.enabled", true));
    JsonNode trigger = chart.get("ScaledObject", WORKER).at("/spec/triggers/0");
    String query = trigger.at("/metadata/query").asText();
    assertThat(trigger.path("type").asText()).isEqualTo("prometheus");
    assertThat(query)
        .startsWith("max(jobrunr_jobs_enqueued{")
        .doesNotContain("sum(")
        .contains("namespace=\"" + Chart.NAMESPACE + "\"");
    assertThat(chart.get("ScaledObject", WORKER).at("/spec/scaleTargetRef/name").asText())
        .isEqualTo(WORKER);
    assertThat(chart.has("HorizontalPodAutoscaler")).as("KEDA makes its own HPA").isFalse();
    assertThat(chart.get("Deployment", WORKER).at("/spec").has("replicas")).isFalse();
  }

  @Test
  void hpaScalesWorkersOnCpuWhenKedaIsOff() {
    Rendered chart =
        Chart.template(
            values("workers.autoscaling.enabled", true, "workers.autoscaling.maxReplicas", 7));
    JsonNode hpa = chart.get("HorizontalPodAutoscaler", WORKER);
    assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(7);
    assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
    assertThat(chart.has("ScaledObject")).isFalse();
    assertThat(chart.get("Deployment", WORKER).at("/spec").has("replicas")).isFalse();
  }

  @Test
  void networkPolicyLimitsEgressToDnsRedisAndTargetsAndIngressToMonitoringAndApiClients() {
    Rendered chart =
        Chart.template(
            values(
                "networkPolicy.api.fromNamespaces",
                List.of("idp"),
                "networkPolicy.targets.ports",
                List.of(443, 8443)));
    JsonNode worker = chart.get("NetworkPolicy", WORKER);
    String egress = worker.at("/spec/egress").toString();
    assertThat(egress)
        .contains("\"port\":53")
        .contains("\"port\":6379")
        .contains("\"port\":443")
        .contains("\"port\":8443")
        .contains("0.0.0.0/0");
    assertThat(worker.at("/spec/ingress").toString())
        .contains("monitoring")
        .contains("metrics")
        .doesNotContain("idp");
    String schedulerIngress = chart.get("NetworkPolicy", SCHEDULER).at("/spec/ingress").toString();
    assertThat(schedulerIngress).contains("monitoring").contains("idp").doesNotContain("dashboard");
    JsonNode redis = chart.get("NetworkPolicy", REDIS);
    assertThat(redis.at("/spec/ingress/0/from").size()).isEqualTo(2);
    assertThat(redis.at("/spec/egress").size()).isZero();
  }

  @Test
  void bothProcessesRefuseLoopbackTargetsByDefaultUnlessTheOperatorOptsOut() {
    Rendered defaults = Chart.template(values());
    for (String process : List.of(SCHEDULER, WORKER))
      assertThat(defaults.env("Deployment", process, "SCIM_TARGET_DENY"))
          .as(process)
          .contains("127.0.0.0/8")
          .contains("::1/128");

    Rendered optedOut = Chart.template(values("common.targetDeny", ""));
    assertThat(envNames(optedOut.container("Deployment", WORKER)))
        .doesNotContain("SCIM_TARGET_DENY");

    Rendered ownValue =
        Chart.template(values("common.env", Map.of("SCIM_TARGET_DENY", "10.0.0.0/8")));
    assertThat(envNames(ownValue.container("Deployment", WORKER)))
        .containsOnlyOnce("SCIM_TARGET_DENY");
    assertThat(ownValue.env("Deployment", WORKER, "SCIM_TARGET_DENY")).isEqualTo("10.0.0.0/8");
  }

  @Test
  void targetEgressCutsTheMetadataRangesOutOfEachWholeInternetBlock() {
    Rendered chart =
        Chart.template(
            values("networkPolicy.targets.cidrs", List.of("0.0.0.0/0", "::/0", "10.0.0.0/8")));
    JsonNode targets = chart.get("NetworkPolicy", WORKER).at("/spec/egress").path(2).path("to");

    assertThat(targets.size()).isEqualTo(3);
    assertThat(targets.at("/0/ipBlock/cidr").asText()).isEqualTo("0.0.0.0/0");
    assertThat(texts(targets.at("/0/ipBlock/except")))
        .contains("169.254.0.0/16")
        .noneMatch(range -> range.contains(":"));
    assertThat(targets.at("/1/ipBlock/cidr").asText()).isEqualTo("::/0");
    assertThat(texts(targets.at("/1/ipBlock/except")))
        .contains("fd00:ec2::/32", "fd20:ce::254/128", "fe80::/10")
        .allMatch(range -> range.contains(":"));
    assertThat(targets.at("/2/ipBlock").has("except")).isFalse();
    assertThat(
            texts(
                Chart.template(values())
                    .get("NetworkPolicy", SCHEDULER)
                    .at("/spec/egress/2/to/0/ipBlock/except")))
        .containsExactly("169.254.0.0/16", "100.100.100.200/32");
  }

  @Test
  void serviceMonitorScrapesBothProcessesAndPrometheusRuleShipsTheRulesFile() throws Exception {
    Rendered chart =
        Chart.template(
            values(
                "serviceMonitor.enabled",
                true,
                "prometheusRule.enabled",
                true,
                "prometheusRule.runbookBaseUrl",
                "https://git.example.com/scim-fleet/-/blob/main/"));
    JsonNode monitor = chart.get("ServiceMonitor", FULLNAME);
    assertThat(monitor.at("/spec/endpoints").findValuesAsText("port"))
        .containsExactly("http", "metrics");
    assertThat(monitor.at("/spec/endpoints").findValuesAsText("path")).containsOnly("/metrics");

    JsonNode groups = chart.get("PrometheusRule", FULLNAME).at("/spec/groups");
    JsonNode source = Yaml.parse(RepoFiles.read(RepoFiles.RULES)).path("groups");
    assertThat(groups.at("/0/rules").size()).isEqualTo(source.at("/0/rules").size());
    assertThat(groups.at("/0/rules/0/expr")).isEqualTo(source.at("/0/rules/0/expr"));
    assertThat(groups.at("/0/rules/0/annotations/runbook_url").asText())
        .isEqualTo(
            "https://git.example.com/scim-fleet/-/blob/main/docs/runbooks.md#scimbackloggrowing");
  }

  @Test
  void grafanaDashboardShipsAsALabelledConfigMap() throws Exception {
    JsonNode configMap = Chart.template(values()).get("ConfigMap", FULLNAME + "-dashboard");
    assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
    JsonNode dashboard =
        Yaml.JSON.readTree(configMap.at("/data/scim-fleet-dashboard.json").asText());
    assertThat(dashboard).isEqualTo(Yaml.JSON.readTree(RepoFiles.DASHBOARD.toFile()));
  }

  static Stream<Arguments> wrongValues() {
    return Stream.of(
        Arguments.of(values("workers.replicas", "many"), "/workers/replicas"),
        Arguments.of(values("workers.replica", 3), "replica"),
        Arguments.of(values("common.pollIntervalSeconds", 2), "/common/pollIntervalSeconds"),
        Arguments.of(
            values("scheduler.dashboard.service.type", "Public"),
            "/scheduler/dashboard/service/type"),
        Arguments.of(values("redis.maxmemoryPolicy", "allkeys-lru"), "/redis/maxmemoryPolicy"),
        Arguments.of(
            values("workers.autoscaling.keda.enabled", "yes"),
            "/workers/autoscaling/keda/enabled"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongValues")
  void aWrongValueFailsSchemaValidation(Map<String, Object> overrides, String mentioned) {
    assertThatThrownBy(() -> Chart.template(overrides))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(mentioned);
  }

  // ------------------------------------------------------------------------------------------------

  static void assertHardened(Rendered chart, String kind, String name) {
    JsonNode pod = chart.podSpec(kind, name);
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean())
        .as("%s runAsNonRoot", name)
        .isTrue();
    assertThat(pod.at("/securityContext/runAsUser").asInt()).as("%s runAsUser", name).isPositive();
    assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
    JsonNode container = chart.container(kind, name);
    JsonNode security = container.path("securityContext");
    assertThat(security.path("allowPrivilegeEscalation").asBoolean(true))
        .as("%s allowPrivilegeEscalation", name)
        .isFalse();
    assertThat(security.path("readOnlyRootFilesystem").asBoolean())
        .as("%s readOnlyRootFilesystem", name)
        .isTrue();
    assertThat(texts(security.at("/capabilities/drop")))
        .as("%s capabilities", name)
        .containsExactly("ALL");
    assertThat(mountPaths(container)).as("%s /tmp", name).contains("/tmp");
    JsonNode tmp =
        StreamSupport.stream(pod.path("volumes").spliterator(), false)
            .filter(v -> "tmp".equals(v.path("name").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(tmp.at("/emptyDir/sizeLimit").asText())
        .as("%s /tmp sizeLimit", name)
        .isEqualTo("1Gi");
  }

  static void assertProbes(JsonNode container, String portName, int port) {
    JsonNode named =
        StreamSupport.stream(container.path("ports").spliterator(), false)
            .filter(p -> portName.equals(p.path("name").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(named.path("containerPort").asInt()).isEqualTo(port);
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
    assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo(portName);
    assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/health/live");
    assertThat(container.at("/startupProbe/httpGet/port").asText()).isEqualTo(portName);
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
    assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo(portName);
  }

  static String configChecksum(Rendered chart, String deployment) {
    return checksum(chart, deployment, "checksum/config");
  }

  static String checksum(Rendered chart, String deployment, String annotation) {
    return chart
        .get("Deployment", deployment)
        .at("/spec/template/metadata/annotations")
        .path(annotation)
        .asText();
  }

  static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  static List<String> mountPaths(JsonNode container) {
    return container.path("volumeMounts").findValuesAsText("mountPath");
  }

  /** Kubernetes expands $(NAME) only from variables defined earlier in the list. */
  static void assertDefinedBefore(JsonNode container, String defined, String user) {
    List<String> names = envNames(container);
    assertThat(names).contains(defined, user);
    assertThat(names.indexOf(defined)).isLessThan(names.indexOf(user));
  }

  static List<String> envNames(JsonNode container) {
    return container.path("env").findValuesAsText("name");
  }
}
