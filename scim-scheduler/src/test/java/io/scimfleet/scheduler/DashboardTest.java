package io.scimfleet.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.config.DashboardLogin;
import io.scimfleet.config.FleetSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JobRunr dashboard over real HTTP: behind Basic authentication with a lockout, without CORS,
 * on loopback by default, and off without a login.
 */
class DashboardTest {
  private static final String ADMIN_TOKEN = "admin-token-for-the-dashboard-test";
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;

  @Test
  void theDashboardAnswers401WithoutCredentialsAnd200WithThem() throws Exception {
    int port = freePort();
    DashboardLogin login =
        DashboardLogin.fromEnv(
            Map.of(
                "SCIM_DASHBOARD_USER",
                "ops",
                "SCIM_DASHBOARD_PASSWORD_FILE",
                Files.writeString(dir.resolve("password"), "s3cret-pass\n").toString()));

    try (SchedulerProcess process =
        SchedulerProcess.start(settings(port), SchedulerProcess.Mode.ALL_IN_ONE, login)) {
      assertThat(get(port, "/api/jobs?state=FAILED", null)).isEqualTo(401);
      assertThat(get(port, "/dashboard/overview", null)).isEqualTo(401);
      assertThat(get(port, "/api/jobs?state=FAILED", "ops:wrong")).isEqualTo(401);
      assertThat(get(port, "/api/jobs?state=FAILED", "ops:s3cret-pass")).isEqualTo(200);
    }
  }

  @Test
  void withoutALoginTheDashboardDoesNotStart() throws Exception {
    int port = freePort();

    try (SchedulerProcess process =
        SchedulerProcess.start(settings(port), SchedulerProcess.Mode.ALL_IN_ONE, null)) {
      assertThat(process.apiPort()).isPositive();
      assertThatThrownBy(() -> get(port, "/dashboard/overview", null))
          .isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void aHalfGivenLoginIsRefusedWithTheVariableToSet() {
    assertThat(DashboardLogin.fromEnv(Map.of())).isNull();
    assertThatThrownBy(() -> DashboardLogin.fromEnv(Map.of("SCIM_DASHBOARD_USER", "ops")))
        .hasMessageContaining("SCIM_DASHBOARD_PASSWORD");
    assertThatThrownBy(() -> DashboardLogin.fromEnv(Map.of("SCIM_DASHBOARD_PASSWORD", "x")))
        .hasMessageContaining("SCIM_DASHBOARD_USER");
    assertThat(
            DashboardLogin.fromEnv(
                Map.of("SCIM_DASHBOARD_USER", "ops", "SCIM_DASHBOARD_PASSWORD", "pw")))
        .hasToString("DashboardLogin[user=ops, bind=127.0.0.1]");
    assertThatThrownBy(
            () ->
                DashboardLogin.fromEnv(
                    Map.of(
                        "SCIM_DASHBOARD_USER",
                        "ops",
                        "SCIM_DASHBOARD_PASSWORD",
                        "pw",
                        "SCIM_DASHBOARD_BIND",
                        "dashboard.example.org")))
        .hasMessageContaining("SCIM_DASHBOARD_BIND must be an IP address");
  }

  @Test
  void theDashboardSendsNoWildcardCorsHeader() throws Exception {
    int port = freePort();

    try (SchedulerProcess process =
        SchedulerProcess.start(settings(port), SchedulerProcess.Mode.ALL_IN_ONE, login())) {
      for (String path : List.of("/api/jobs?state=FAILED", "/dashboard/overview")) {
        HttpResponse<Void> answer = send(port, path, "ops:s3cret-pass");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      }
    }
  }

  @Test
  void tenWrongPasswordsLockTheClientOutForAMinuteEvenWithTheRightOne() throws Exception {
    int port = freePort();

    try (SchedulerProcess process =
        SchedulerProcess.start(settings(port), SchedulerProcess.Mode.ALL_IN_ONE, login())) {
      for (int i = 0; i < 10; i++)
        assertThat(get(port, "/api/jobs?state=FAILED", "ops:guess-" + i)).isEqualTo(401);

      HttpResponse<Void> locked = send(port, "/api/jobs?state=FAILED", "ops:s3cret-pass");
      assertThat(locked.statusCode()).isEqualTo(429);
      assertThat(locked.headers().firstValue("Retry-After"))
          .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 61));
    }
  }

  @Test
  void theDashboardListensOnLoopbackOnlyUnlessSCIM_DASHBOARD_BINDSaysOtherwise() throws Exception {
    InetAddress other = nonLoopbackAddress();
    int port = freePort();

    try (SchedulerProcess process =
        SchedulerProcess.start(settings(port), SchedulerProcess.Mode.ALL_IN_ONE, login())) {
      assertThat(get(port, "/dashboard/overview", "ops:s3cret-pass")).isEqualTo(200);
      assertThatThrownBy(
              () -> {
                try (Socket socket = new Socket()) {
                  socket.connect(new InetSocketAddress(other, port), 2_000);
                }
              })
          .as("connecting to the dashboard on " + other.getHostAddress())
          .isInstanceOf(IOException.class);
    }
  }

  private static FleetSettings settings(int dashboardPort) {
    return FleetSettings.fromEnv(
        Map.of(
            "SCIM_ADMIN_TOKEN",
            ADMIN_TOKEN,
            "SCIM_HTTP_PORT",
            "0",
            "SCIM_DASHBOARD_PORT",
            String.valueOf(dashboardPort),
            "SCIM_WORKER_THREADS",
            "2"));
  }

  private DashboardLogin login() throws IOException {
    return DashboardLogin.fromEnv(
        Map.of(
            "SCIM_DASHBOARD_USER",
            "ops",
            "SCIM_DASHBOARD_PASSWORD_FILE",
            Files.writeString(dir.resolve("password"), "s3cret-pass\n").toString()));
  }

  /** An address of this host other than loopback, where a dashboard on every interface answers. */
  private static InetAddress nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "this test needs a network interface besides loopback (any IPv4 address)"));
  }

  private int get(int port, String path, String userAndPassword)
      throws IOException, InterruptedException {
    return send(port, path, userAndPassword).statusCode();
  }

  private HttpResponse<Void> send(int port, String path, String userAndPassword)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (userAndPassword != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
  }

  /** JobRunr's dashboard cannot report the port it bound, so the test picks a free one first. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
