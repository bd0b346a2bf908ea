package io.scimfleet.scheduler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimfleet.model.Credential;
import io.scimfleet.model.ObjectType;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.http.ApiServer;
import io.scimfleet.scheduler.http.ApiSettings;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The jobs an import makes, with the change feed, JobRunr and two workers on the real Redis and a
 * SCIM-SDK target: its users go in multi-object jobs of 100, and a job that finds its provider's
 * job slots taken runs again as itself (rescheduled), not as a copy, so an import of N users makes
 * at most N / 100 jobs (issue 25: at most 100 per 10,000 users).
 */
class ImportJobsIT {
  private static final int USERS = 2_000;
  private static final String ADMIN = "import-jobs-it-admin-token";

  private ScimSdkServer target;
  private Fleet fleet;
  private ApiServer api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    target = ScimSdkServer.start();
    // two workers whose job threads a provider may hold only 2 of: the import's jobs find the
    // slots taken and are handed back
    fleet = new Fleet(ImportJobsIT.class, 2, 4, io.scimfleet.config.Pacing.defaults(4));
    api =
        ApiServer.start(
            fleet.scheduler,
            new ProviderRegistry(
                fleet.stores, fleet.scheduler.fullSyncs(), TestSecurity.settings()),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            new ApiSettings(ADMIN, 64 * 1024 * 1024, 0));
  }

  @AfterEach
  void stop() {
    api.close();
    fleet.close();
    target.close();
  }

  @Test
  void anImportOfNUsersMakesAtMostNOverAHundredJobsHowEverOftenTheyAreHandedBack()
      throws Exception {
    fleet.addProvider(
        aProvider("crm")
            .at(target.baseUrl().toString())
            .withCredential(Credential.inline(target.token()))
            .build());
    String lines =
        IntStream.range(0, USERS)
            .mapToObj(
                i ->
                    String.format(
                        "{\"type\":\"user\",\"id\":\"imp-%1$05d\",\"username\":\"imp-%1$05d\","
                            + "\"name\":\"Imported %1$d\",\"email\":\"imp-%1$05d@example.org\"}",
                        i))
            .collect(Collectors.joining("\n"));

    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/v1/import"))
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isLessThan(300);
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> target.users().size() == USERS);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                fleet.stores.syncState().getAll("crm", ObjectType.USER, ids()).size() == USERS
                    && importJobs(StateName.SCHEDULED, StateName.ENQUEUED, StateName.PROCESSING)
                        .isEmpty());
    List<Job> jobs = importJobs(StateName.values());
    long handedBack =
        jobs.stream()
            .mapToLong(
                job ->
                    job.getJobStates().stream()
                        .filter(state -> state.getName() == StateName.SCHEDULED)
                        .count())
            .sum();
    assertThat(jobs)
        .as("jobs of an import of %d users (%d times handed back)", USERS, handedBack)
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(USERS / 100);
  }

  /** The change jobs of provider crm (single or multi-object) in these states. */
  private List<Job> importJobs(StateName... states) {
    return Arrays.stream(states)
        .flatMap(state -> fleet.jobs(state).stream())
        .filter(job -> job.getJobName().startsWith("sync ") && job.getJobName().endsWith("→ crm"))
        .toList();
  }

  private static List<String> ids() {
    return IntStream.range(0, USERS).mapToObj(i -> String.format("imp-%05d", i)).toList();
  }
}
