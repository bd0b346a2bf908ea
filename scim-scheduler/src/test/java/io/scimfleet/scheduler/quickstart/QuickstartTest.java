package io.scimfleet.scheduler.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.scheduler.SchedulerMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, run in-process with the committed examples. */
class QuickstartTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final String[] QUICKSTART = {
    "sync",
    "--config",
    EXAMPLES.resolve("providers.yaml").toString(),
    "--directory",
    EXAMPLES.resolve("directory.ndjson").toString(),
    "--wait-seconds",
    "120"
  };

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private PrintStream systemErr;

  @BeforeEach
  void captureLog() {
    systemErr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreLog() {
    System.setErr(systemErr);
  }

  @Test
  void theQuickstartSyncsTheExampleDirectoryInDryRunAndPrintsTheSummary() throws IOException {
    long users = lines("\"type\": \"user\"");
    long groups = lines("\"type\": \"group\"");

    int code = run(QUICKSTART);

    String summary = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(summary + err).isZero();
    assertThat(summary)
        .contains("imported " + users + " users and " + groups + " groups")
        .contains("provider example (dry run: nothing was sent)")
        .contains("status: SUCCEEDED")
        .contains(
            "created "
                + (users + groups)
                + ", updated 0, unchanged 0, deleted 0, deactivated 0, failed 0, skipped 0")
        .contains("errors: none");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("dry run example: would POST /Users for user u0001");
  }

  @Test
  void theLogCarriesIdsButNoPersonalAttributesOfTheDryRunPayloads() throws IOException {
    assertThat(run(QUICKSTART)).isZero();

    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("for user u0001")
        .doesNotContain("oberg@example.com", "Omar Berg", "\"userName\"", "Finance");
  }

  @Test
  void aRunWithFailedObjectsPrintsTheirErrorsAndExitsWithOne() throws IOException {
    Path providers =
        Files.writeString(
            dir.resolve("providers.yaml"),
            """
        providers:
          - name: strict
            baseUrl: https://scim.example.invalid/scim/v2
            tokenEnv: SCIM_TARGET_QUICKSTART_TEST_UNSET
            dryRun: true
            userMappings:
              - name: 60-active
                expression: '{"active": "yes"}'
        """);
    Path directory =
        Files.writeString(
            dir.resolve("d.ndjson"),
            """
        {"type":"user","id":"u1","username":"ada"}
        {"type":"user","id":"u2","username":"alan"}
        """);

    int code = run("sync", "--config", providers.toString(), "--directory", directory.toString());

    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("failed 2").contains("$.active");
  }

  @Test
  void aProviderThatWouldSendWithoutItsTokenIsRefusedBeforeAnythingStarts() throws IOException {
    Path providers =
        Files.writeString(
            dir.resolve("providers.yaml"),
            """
        providers:
          - name: live
            baseUrl: https://scim.example.invalid/scim/v2
            tokenEnv: SCIM_TARGET_QUICKSTART_TEST_UNSET
        """);

    int code =
        run(
            "sync",
            "--config",
            providers.toString(),
            "--directory",
            EXAMPLES.resolve("directory.ndjson").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("live")
        .contains("env:SCIM_TARGET_QUICKSTART_TEST_UNSET")
        .contains("dryRun: true");
  }

  @Test
  void syncWithoutItsFilesSaysWhatItNeeds() {
    assertThat(run("sync")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--config").contains("--directory");
  }

  @Test
  void versionPrintsTheVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("scim-scheduler ");
  }

  @Test
  void theSchedulerRefusesToStartWithoutRedis() {
    assertThat(
            SchedulerMain.run(
                new String[0], Map.of("SCIM_ADMIN_TOKEN", "t".repeat(32)), ps(out), ps(err)))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("REDIS_URL").contains("--all-in-one");
  }

  @Test
  void anAdminTokenShorterThan32CharactersIsRefusedWithoutBeingShown() {
    assertThat(
            SchedulerMain.run(
                new String[] {"--all-in-one"},
                Map.of("SCIM_ADMIN_TOKEN", "short-admin-token"),
                ps(out),
                ps(err)))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("SCIM_ADMIN_TOKEN must be at least 32 characters")
        .doesNotContain("short-admin-token");
  }

  @Test
  void aMalformedRedisUrlIsRefusedWithoutItsPassword() {
    assertThat(
            SchedulerMain.run(
                new String[0],
                Map.of(
                    "SCIM_ADMIN_TOKEN",
                    "t".repeat(32),
                    "REDIS_URL",
                    "redis://fleet:pa ss@redis:6379"),
                ps(out),
                ps(err)))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("REDIS_URL").doesNotContain("pa ss");
  }

  @Test
  void theSchedulerRefusesToStartWithoutAnAdminToken() {
    assertThat(
            SchedulerMain.run(
                new String[0], Map.of("REDIS_URL", "redis://127.0.0.1:1"), ps(out), ps(err)))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("SCIM_ADMIN_TOKEN");
  }

  @Test
  void anUnknownCommandShowsTheUsage() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
  }

  private int run(String... args) {
    return SchedulerMain.run(args, Map.of(), ps(out), ps(err));
  }

  private static PrintStream ps(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static long lines(String marker) throws IOException {
    try (var lines = Files.lines(EXAMPLES.resolve("directory.ndjson"))) {
      return lines.filter(line -> line.contains(marker)).count();
    }
  }
}
