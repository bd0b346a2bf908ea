package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provider bodies hold tokens: neither responses nor the process log (slf4j-simple on stderr) may
 * show them.
 */
class SecretsApiTest {
  private static final String SECRET = ProviderApiTest.SECRET;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream out;
  private PrintStream err;
  private ApiFixture fixture;

  @BeforeEach
  void capture() {
    out = System.out;
    err = System.err;
    PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
    fixture = ApiFixture.inMemory();
  }

  @AfterEach
  void restore() {
    fixture.close();
    System.setOut(out);
    System.setErr(err);
  }

  @Test
  void theTokenAppearsInNoResponseAndNoLogLine() {
    ApiClient api = fixture.api;
    String bodies =
        api.put("/api/v1/providers/slack", ProviderApiTest.SLACK).body()
            + api.get("/api/v1/providers/slack").body()
            + api.get("/api/v1/providers").body()
            + api.put(
                    "/api/v1/providers/slack",
                    ProviderApiTest.SLACK.replace("\"deleteMode\"", "\"deleteMod\""))
                .body()
            + api.put(
                    "/api/v1/providers/other",
                    "{\"baseUrl\":\"ftp://x\",\"token\":\"" + SECRET + "\"}")
                .body()
            + api.put(
                    "/api/v1/providers/other",
                    "{\"token\":\""
                        + SECRET
                        + "\",\"tokenEnv\":\"SCIM_TARGET_T\",\"baseUrl\":\"https://x\"}")
                .body()
            + api.post("/api/v1/providers/slack/sync", "").body();

    assertThat(bodies).doesNotContain(SECRET);
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
  }

  @Test
  void aProviderRequestPrintsWithoutItsToken() {
    var request = io.scimfleet.scheduler.config.ProviderRequests.bearer("https://x", SECRET);

    assertThat(request.toString()).doesNotContain(SECRET).contains("token=***");
  }
}
