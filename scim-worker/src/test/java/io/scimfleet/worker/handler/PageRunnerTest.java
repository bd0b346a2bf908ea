package io.scimfleet.worker.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.Pacing;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.ProviderContexts;
import io.scimfleet.worker.pipeline.ProviderHealth;
import io.scimfleet.worker.pipeline.SyncResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14, bug 6: a page's waits hold no permit, can be stopped, and follow a changed
 * maxConcurrency.
 */
class PageRunnerTest {
  @RegisterExtension
  static WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final Stores stores = Stores.inMemory();
  private final FleetMetrics metrics = new FleetMetrics(new SimpleMeterRegistry());
  private ProviderContexts contexts;
  private PageRunner runner;

  @BeforeEach
  void start() {
    contexts =
        new ProviderContexts(
            stores.providers(),
            metrics,
            RateLimiter.local(),
            TestSecurity.settings(),
            stores.directory());
    ProviderHealth health = new ProviderHealth(stores.quarantines(), Clock.systemUTC());
    ObjectSync objects =
        new ObjectSync(stores, new ScimSchemaValidator(), metrics, health, Clock.systemUTC());
    runner = new PageRunner(objects, metrics, 4, Pacing.defaults(16));
    for (String name : List.of("ada", "bob", "cy", "di"))
      stores.directory().putUser(aUser(name).build());
  }

  @AfterEach
  void stop() {
    runner.close();
    contexts.close();
  }

  @Test
  void anObjectWaitingForRetryAfterLeavesItsPermitToTheNextObject() {
    useProvider(1);
    target.stubFor(
        created("ada")
            .inScenario("ada")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("told")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
    target.stubFor(created("ada").inScenario("ada").whenScenarioStateIs("told"));
    target.stubFor(created("bob"));

    List<SyncResult> results = page("ada", "bob");

    assertThat(results)
        .extracting(SyncResult::outcome)
        .containsExactly(SyncOutcome.CREATED, SyncOutcome.CREATED);
    assertThat(postedUserNames()).containsExactly("ada", "bob", "ada"); // bob went while ada waited
  }

  @Test
  void interruptingThePageStopsItsWaitAtOnce() {
    useProvider(1);
    target.stubFor(
        created("ada").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "8")));
    AtomicReference<Thread> jobThread = new AtomicReference<>();
    CompletableFuture<Throwable> ended =
        CompletableFuture.supplyAsync(
            () -> {
              jobThread.set(Thread.currentThread());
              try {
                page("ada");
                return null;
              } catch (RuntimeException e) {
                return e;
              }
            });
    // the first request of a cold JVM took 3 to 5 s on a loaded machine
    await().atMost(Duration.ofSeconds(30)).until(() -> postedUserNames().size() == 1);

    jobThread.get().interrupt();

    // well before the 8 s of Retry-After, with room for a loaded machine's pauses
    await().atMost(Duration.ofSeconds(5)).until(ended::isDone);
    assertThat(ended.join())
        .isInstanceOf(JobInterrupted.class)
        .hasRootCauseInstanceOf(InterruptedException.class);
  }

  /**
   * Each create takes {@code slow} at the target, so four requests were in flight at once exactly
   * when the last one arrived less than {@code slow} after the first: the bound is the criterion
   * itself, long enough that a loaded machine's pauses in starting them do not reach it (it was 500
   * ms with 600 ms creates).
   */
  @Test
  void aChangedMaxConcurrencyAppliesToTheNextPage() {
    int slow = 1_500;
    target.stubFor(
        post(urlPathEqualTo("/scim/v2/Users"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withFixedDelay(slow)
                    .withHeader("Content-Type", "application/scim+json")
                    .withBody("{\"id\":\"{{randomValue type='UUID'}}\"}")));
    useProvider(1);
    page("ada", "bob");
    target.resetRequests();
    stores.syncState().deleteProvider("crm");

    useProvider(4);
    page("ada", "bob", "cy", "di");

    List<LoggedRequest> posts =
        target.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo("/scim/v2/Users")));
    assertThat(posts).hasSize(4);
    long first =
        posts.stream()
            .map(r -> r.getLoggedDate().toInstant().toEpochMilli())
            .min(Comparator.naturalOrder())
            .orElseThrow();
    long last =
        posts.stream()
            .map(r -> r.getLoggedDate().toInstant().toEpochMilli())
            .max(Comparator.naturalOrder())
            .orElseThrow();
    assertThat(last - first)
        .as("four requests in flight at once, not one after another")
        .isLessThan(slow);
  }

  @Test
  void thePoolNeverGrowsPastItsMostThePageThreadSyncsTheRest() {
    target.stubFor(
        post(urlPathEqualTo("/scim/v2/Users"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withFixedDelay(300)
                    .withHeader("Content-Type", "application/scim+json")
                    .withBody("{\"id\":\"{{randomValue type='UUID'}}\"}")));
    useProvider(4);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ProviderHealth health = new ProviderHealth(stores.quarantines(), Clock.systemUTC());
    FleetMetrics own = new FleetMetrics(registry);
    ObjectSync objects =
        new ObjectSync(stores, new ScimSchemaValidator(), own, health, Clock.systemUTC());
    try (PageRunner bounded = new PageRunner(objects, own, 1, 2, Pacing.defaults(16))) {
      List<SyncResult> results =
          bounded.run(CrmUserPages.of(contexts, stores, List.of("ada", "bob", "cy", "di")));

      assertThat(results).extracting(SyncResult::outcome).containsOnly(SyncOutcome.CREATED);
      assertThat(registry.get("executor.pool.max").gauge().value()).isEqualTo(2.0);
      assertThat(registry.get("executor.pool.size").gauge().value()).isLessThanOrEqualTo(2.0);
    }
  }

  private void useProvider(int maxConcurrency) {
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(target.baseUrl() + "/scim/v2")
                .withCredential(Credential.inline("t0ken"))
                .withDeletionThreshold(100)
                .limitedTo(maxConcurrency, 0)
                .build());
  }

  private List<SyncResult> page(String... userIds) {
    List<String> ids = List.of(userIds);
    return runner.run(CrmUserPages.of(contexts, stores, ids));
  }

  private static MappingBuilder created(String userName) {
    return post(urlPathEqualTo("/scim/v2/Users"))
        .withRequestBody(containing("\"userName\":\"" + userName + "\""))
        .willReturn(
            aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/scim+json")
                .withBody("{\"id\":\"r-" + userName + "\",\"userName\":\"" + userName + "\"}"));
  }

  private static List<String> postedUserNames() {
    return target.getAllServeEvents().stream()
        .filter(event -> event.getRequest().getMethod().getName().equals("POST"))
        .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
        .map(
            event ->
                event
                    .getRequest()
                    .getBodyAsString()
                    .replaceAll(".*\"userName\":\"([^\"]+)\".*", "$1"))
        .toList();
  }
}
