package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.config.FleetSettings;
import io.scimfleet.scheduler.SchedulerProcess;
import io.scimfleet.testing.RedisFixture;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestRedis;
import io.scimfleet.testing.TestSecurity;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/providers/{name}/probe} against a real SCIM server (SCIM-SDK), in a process
 * that runs API, scheduler and worker on the real Redis (JobRunr on Redis) under this class's own
 * key prefix: the probe runs as a worker job, its report comes back through Redis, and it tells
 * what the server truly does.
 */
class ProbeIT {
  private RedisFixture redis;
  private ScimSdkServer target;
  private SchedulerProcess process;
  private ApiClient api;

  @BeforeEach
  void start() {
    redis = RedisFixture.open(ProbeIT.class);
    target = ScimSdkServer.start();
    FleetSettings settings =
        FleetSettings.fromEnv(
            Map.of(
                "SCIM_ADMIN_TOKEN",
                ApiFixture.ADMIN_TOKEN,
                "SCIM_HTTP_PORT",
                "0",
                "SCIM_DASHBOARD_PORT",
                "0",
                "SCIM_WORKER_THREADS",
                "4",
                "REDIS_URL",
                TestRedis.url(),
                "SCIM_REDIS_PREFIX",
                redis.prefix(),
                "SCIM_SECRET_KEY",
                Base64.getEncoder().encodeToString(TestSecurity.key((byte) 9))));
    process = SchedulerProcess.start(settings, SchedulerProcess.Mode.ALL_IN_ONE);
    api = new ApiClient(process.apiPort(), ApiFixture.ADMIN_TOKEN);
    ApiClient.Answer put =
        api.put(
            "/api/v1/providers/crm",
            "{\"baseUrl\":\""
                + target.baseUrl()
                + "\",\"token\":\""
                + target.token()
                + "\",\"enabled\":false}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    process.close();
    target.close();
    redis.close();
  }

  @Test
  void theProbeOfARealScimServerReportsWhatItDoesAndLeavesNothingBehind() {
    ApiClient.Answer answer = api.post("/api/v1/providers/crm/probe", "");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode report = answer.json();
    assertThat(works(report))
        .containsExactly(
            "userCreate=true",
            "userPatch=true",
            "userPut=true",
            "filterUserName=true",
            "filterExternalId=true",
            "etag=true",
            "bulk=true",
            "groupCreate=true",
            "groupMemberPatch=true",
            "groupMembersOnGet=true");
    assertThat(report.path("switches").size()).as("the defaults fit").isZero();
    assertThat(detail(report, "etag")).contains("stale If-Match → 412");
    assertThat(detail(report, "filterExternalId")).contains("with the scratch user");
    assertThat(report.path("announced").path("bulk").asBoolean()).isTrue();
    assertThat(report.path("scratch").path("userName").asText()).startsWith("scimfleet-probe-");
    assertThat(report.path("cleanup").findValuesAsText("removed")).containsExactly("true", "true");
    assertThat(target.users()).as("no scratch user left").isEmpty();
    assertThat(target.groups()).as("no scratch group left").isEmpty();

    String probeId = report.path("probeId").asText();
    ApiClient.Answer later = api.get("/api/v1/providers/crm/probe/" + probeId);
    assertThat(later.status()).isEqualTo(200);
    assertThat(later.json()).isEqualTo(report);
  }

  @Test
  void aProbeIsAskedOnlyWithTheAdminTokenAndOfAKnownProvider() {
    ApiClient anonymous = new ApiClient(process.apiPort(), "wrong-token");
    assertThat(anonymous.post("/api/v1/providers/crm/probe", "").status()).isEqualTo(401);
    assertThat(api.post("/api/v1/providers/nobody/probe", "").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/providers/crm/probe/00000000-0000-0000-0000-000000000000").status())
        .isEqualTo(404);
    assertThat(target.users()).as("nothing was probed").isEmpty();
  }

  private static String detail(JsonNode report, String check) {
    for (JsonNode c : report.path("checks"))
      if (c.path("name").asText().equals(check)) return c.path("detail").asText();
    throw new AssertionError("no check " + check + " in " + report);
  }

  private static List<String> works(JsonNode report) {
    List<String> seen = new ArrayList<>();
    report
        .path("checks")
        .forEach(c -> seen.add(c.path("name").asText() + "=" + c.path("works").asBoolean()));
    return seen;
  }
}
