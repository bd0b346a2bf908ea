package io.scimfleet.worker.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 24, item 2: a mapping that escaped the limits (through $eval, after a constructor's first
 * value, or with one built-in call of limit x limit) fails only the object it was evaluated for;
 * the rest of the page is created.
 */
class MappingLimitsOnAPageTest {
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
    for (String name : List.of("ada", "eve", "bob"))
      stores.directory().putUser(aUser(name).build());
    target.stubFor(
        post(urlPathEqualTo("/scim/v2/Users"))
            .withRequestBody(containing("\"title\":\"ok\""))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/scim+json")
                    .withBody("{\"id\":\"r-1\",\"userName\":\"x\"}")));
  }

  @AfterEach
  void stop() {
    runner.close();
    contexts.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "$eval('($f := function($n){ $f($n+1) }; $f(0))') | refused function $eval",
        "($r := [0, 1..1000]; $sum($r.$r.$sum($r)))       | time limit of 1000 ms",
        "($s := $pad('', 60000); $join([1..1000].($s)))   | string length limit of 65536",
      })
  void aMappingThatEscapedTheLimitsFailsOnlyItsObject(String escape, String limit) {
    useMapping("username = 'eve' ? {'title': " + escape + "} : {'title': 'ok'}");

    List<SyncResult> results =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> runner.run(CrmUserPages.of(contexts, stores, List.of("ada", "eve", "bob"))));

    assertThat(results)
        .extracting(SyncResult::outcome)
        .containsExactly(SyncOutcome.CREATED, SyncOutcome.FAILED, SyncOutcome.CREATED);
    assertThat(results.get(1).error()).contains("mapping '90-evil-for-eve'", limit);
  }

  private void useMapping(String expression) {
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(target.baseUrl() + "/scim/v2")
                .withCredential(Credential.inline("t0ken"))
                .withDeletionThreshold(100)
                .withUserMapping("90-evil-for-eve", expression)
                .build());
  }
}
