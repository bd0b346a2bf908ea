package io.scimfleet.worker.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.Pacing;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.RetryLater;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Quarantine;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.QuarantineStore;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.ProviderContexts;
import io.scimfleet.worker.pipeline.ProviderHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A job checks its provider's health once, when it starts; its objects stop being sent as soon as
 * the job's own failures quarantined the provider.
 */
class JobHealthCheckTest {
  @RegisterExtension
  static WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final Stores stores = Stores.inMemory();
  private final FleetMetrics metrics = new FleetMetrics(new SimpleMeterRegistry());
  private final CountedReads quarantines = new CountedReads(stores.quarantines());
  private JobRunrFleet jobs;
  private ProviderContexts contexts;
  private PageRunner runner;

  @BeforeEach
  void start() {
    jobs = JobRunrFleet.inMemory();
    contexts =
        new ProviderContexts(
            stores.providers(),
            metrics,
            RateLimiter.local(),
            TestSecurity.settings(),
            stores.directory());
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(target.baseUrl() + "/scim/v2")
                .withCredential(Credential.inline("t0ken"))
                .limitedTo(1, 0)
                .build());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) ids.add("u" + i);
    ids.forEach(id -> stores.directory().putUser(aUser(id).build()));
    target.stubFor(
        any(anyUrl()).willReturn(aResponse().withStatus(503).withBody("down for maintenance")));
  }

  @AfterEach
  void stop() {
    if (runner != null) runner.close();
    contexts.close();
    jobs.close();
  }

  @Test
  void aChangeJobReadsTheQuarantineOnceHoweverOftenItTries() {
    Pacing threeTries = new Pacing(2, Duration.ofSeconds(10), 3, Duration.ofHours(24));
    ProviderHealth health = new ProviderHealth(quarantines, Clock.systemUTC());
    ObjectJobHandler handler =
        new ObjectJobHandler(
            stores.pendingJobs(),
            contexts,
            objects(health),
            metrics,
            health,
            jobs.queue(),
            new ProviderJobSlots(2),
            threeTries);

    assertThatThrownBy(() -> handler.run(new SyncObjectRequest("crm", ObjectType.USER, "u0", null)))
        .isInstanceOf(RetryLater.class);

    assertThat(target.getAllServeEvents()).as("one request a try").hasSize(3);
    assertThat(quarantines.reads).as("one read for the job, none per try").hasValue(1);
  }

  @Test
  void aPageWhoseFailuresQuarantineTheProviderSendsNoMoreOfItsObjects() {
    Pacing oneTry = new Pacing(2, Duration.ofSeconds(10), 1, Duration.ofHours(24));
    ProviderHealth health = new ProviderHealth(quarantines, Clock.systemUTC());
    runner = new PageRunner(objects(health), metrics, 2, oneTry);
    JobQueue queue = jobs.queue();
    PageJobHandler pages =
        new PageJobHandler(
            stores,
            contexts,
            runner,
            queue,
            new FullSyncFlow(stores.syncState(), queue, 1),
            health,
            new ProviderJobSlots(2));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) ids.add("u" + i);

    assertThatThrownBy(
            () ->
                pages.run(
                    new SyncPageRequest("crm", "run-1", ObjectType.USER, 1, 1, ids, false, 1)))
        .isInstanceOf(RetryLater.class);

    assertThat(stores.quarantines().get("crm")).isPresent();
    assertThat(ids)
        .filteredOn(id -> stores.syncState().get("crm", ObjectType.USER, id).isPresent())
        .as("the ten failures that quarantined it; the rest not tried")
        .hasSize(10);
    assertThat(target.getAllServeEvents())
        .as("the page's first look at the target (Bulk's), then one request a failure")
        .hasSize(11);
    assertThat(quarantines.reads).as("one read for the page").hasValue(1);
  }

  private ObjectSync objects(ProviderHealth health) {
    return new ObjectSync(stores, new ScimSchemaValidator(), metrics, health, Clock.systemUTC());
  }

  /** The quarantine store, counting its reads. */
  private static final class CountedReads implements QuarantineStore {
    private final QuarantineStore store;
    private final AtomicInteger reads = new AtomicInteger();

    CountedReads(QuarantineStore store) {
      this.store = store;
    }

    @Override
    public Optional<Quarantine> get(String provider) {
      reads.incrementAndGet();
      return store.get(provider);
    }

    @Override
    public Quarantine enter(String provider, String reason, Instant now) {
      return store.enter(provider, reason, now);
    }

    @Override
    public Optional<Quarantine> deepen(
        String provider, Quarantine seen, String reason, Instant now) {
      return store.deepen(provider, seen, reason, now);
    }

    @Override
    public boolean release(String provider) {
      return store.release(provider);
    }
  }
}
