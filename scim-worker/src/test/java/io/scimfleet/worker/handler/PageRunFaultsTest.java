package io.scimfleet.worker.handler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.Pacing;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.ObjectLocks;
import io.scimfleet.store.StoreException;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.ProviderContexts;
import io.scimfleet.worker.pipeline.ProviderHealth;
import io.scimfleet.worker.pipeline.SyncResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, item 3: a page ends every object it starts whatever is thrown on a pool thread, and a
 * page that pauses stops its other objects.
 */
class PageRunFaultsTest {
  private final Stores real = Stores.inMemory();
  private final FleetMetrics metrics = new FleetMetrics(new SimpleMeterRegistry());
  private ProviderContexts contexts;
  private PageRunner runner;

  @AfterEach
  void stop() {
    if (runner != null) runner.close();
    if (contexts != null) contexts.close();
  }

  @Test
  void aNonRetryableStoreErrorOrAnErrorOnAPoolThreadEndsItsObjectAndThePageGoesOn() {
    start(
        call -> {
          if (call.method().equals("acquire") && call.mentions("bob"))
            return new StoreException("username index broken"); // no cause: not retryable
          if (call.method().equals("acquire") && call.mentions("cy"))
            return new AssertionError("a bug on a pool thread");
          return null;
        });

    List<SyncResult> results =
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> page("ada", "bob", "cy", "di"));

    assertThat(results)
        .extracting(SyncResult::outcome)
        .containsExactly(
            SyncOutcome.CREATED, SyncOutcome.FAILED, SyncOutcome.FAILED, SyncOutcome.CREATED);
    assertThat(results.get(1).error()).contains("username index broken");
    assertThat(results.get(2).error()).contains("a bug on a pool thread");
  }

  @Test
  void aPausedPageStopsItsOtherObjectsAtOnce() throws InterruptedException {
    CountDownLatch bobWaits = new CountDownLatch(1);
    AtomicBoolean bobStopped = new AtomicBoolean();
    start(
        call -> {
          if (call.method().equals("acquire") && call.mentions("bob")) {
            bobWaits.countDown();
            try {
              Thread.sleep(60_000); // a slow request
            } catch (InterruptedException e) {
              bobStopped.set(true);
              return new IllegalStateException("interrupted");
            }
          }
          if (call.method().equals("acquire") && call.mentions("ada")) {
            awaitQuietly(bobWaits);
            return new StoreException("Redis unreachable", new IOException("connection reset"));
          }
          return null;
        });

    Throwable thrown =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> catchThrowable(() -> page("ada", "bob")));

    assertThat(thrown).isInstanceOf(StoreException.class).hasMessageContaining("unreachable");
    await().atMost(Duration.ofSeconds(10)).untilTrue(bobStopped);
  }

  private void start(Function<Faults.Call, Throwable> lockFault) {
    Stores stores = real.withLocks(Faults.injected(ObjectLocks.class, real.locks(), lockFault));
    stores
        .providers()
        .put(
            aProvider("crm")
                .at("http://127.0.0.1:9/scim/v2")
                .withCredential(Credential.inline("t0ken"))
                .dryRun()
                .limitedTo(4, 0)
                .build());
    for (String name : List.of("ada", "bob", "cy", "di"))
      stores.directory().putUser(aUser(name).build());
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
    this.stores = stores;
  }

  private Stores stores;

  private List<SyncResult> page(String... userIds) {
    return runner.run(CrmUserPages.of(contexts, stores, List.of(userIds)));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
