package io.scimfleet.scheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.scimfleet.model.BulkMode;
import io.scimfleet.model.Credential;
import io.scimfleet.testing.ScimSdkServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries at the target's pace (issue 8): in front of a real SCIM server, WireMock answers 20% of
 * requests with 429 (Retry-After: 2) and 10% with 503. 100 user changes must all arrive well inside
 * the time JobRunr's own 3^n s back-off needs (3 + 9 + 27 s and more for the unlucky ones).
 */
class RetryPaceIT {
  /**
   * The goal is 30 s; the bound leaves room for a busy 2-core machine. 3^n back-off needs over a
   * minute.
   */
  private static final Duration BOUND = Duration.ofSeconds(45);

  private ScimSdkServer target;
  private WireMockServer faults;
  private FaultMix mix;
  private Fleet fleet;

  @BeforeEach
  void start() {
    target = ScimSdkServer.start();
    mix =
        new FaultMix(
            Double.parseDouble(System.getProperty("retrypace.tooMany", "0.2")),
            Double.parseDouble(System.getProperty("retrypace.unavailable", "0.1")),
            2);
    faults = new WireMockServer(wireMockConfig().dynamicPort().extensions(mix));
    faults.start();
    URI base = target.baseUrl();
    faults.stubFor(
        any(anyUrl())
            .willReturn(aResponse().proxiedFrom(base.getScheme() + "://" + base.getAuthority())));
    fleet = new Fleet(RetryPaceIT.class, 2);
    // one request per user (no SCIM Bulk), so that the fault mix meets each of the 100 changes
    fleet.addProvider(
        aProvider("flaky")
            .at(faults.baseUrl() + "/scim/v2")
            .withCredential(Credential.inline(target.token()))
            .bulk(BulkMode.OFF)
            .build());
  }

  @AfterEach
  void stop() {
    fleet.close();
    faults.stop();
    target.close();
  }

  @Test
  void hundredChangesArriveAtTheTargetsPaceUnder429And503() {
    long started = System.nanoTime();
    System.out.println("RetryPaceIT: writing 100 users");
    for (int i = 0; i < 100; i++)
      fleet.stores.directory().putUser(aUser(String.format("u%03d", i)).build());

    await()
        .atMost(BOUND.plusSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> target.users().size() == 100);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    System.out.printf(
        "RetryPaceIT: 100 changes reached the target in %.1f s (429 sent %d, 503 sent %d)%n",
        took.toMillis() / 1000.0, mix.tooManySent.get(), mix.unavailableSent.get());
    assertThat(mix.tooManySent.get()).as("the mix was applied").isGreaterThan(10);
    assertThat(mix.unavailableSent.get()).as("the mix was applied").isGreaterThan(4);
    assertThat(took).isLessThan(BOUND);
  }
}
