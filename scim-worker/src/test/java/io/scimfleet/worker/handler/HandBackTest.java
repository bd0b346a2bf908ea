package io.scimfleet.worker.handler;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.config.Pacing;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.pipeline.ObjectSync;
import io.scimfleet.worker.pipeline.ProviderContexts;
import io.scimfleet.worker.pipeline.ProviderHealth;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.Paging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A job whose provider holds all the job threads it may is handed back: not run, not counted, not
 * lost.
 */
class HandBackTest {
  @RegisterExtension
  static WireMockExtension target =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final Stores stores = Stores.inMemory();
  private final FleetMetrics metrics = new FleetMetrics(new SimpleMeterRegistry());
  private final ProviderJobSlots slots = new ProviderJobSlots(1);
  private JobRunrFleet jobs;
  private ProviderContexts contexts;
  private PageRunner runner;
  private PageJobHandler pages;
  private ObjectJobHandler changes;

  @BeforeEach
  void start() {
    jobs = JobRunrFleet.inMemory();
    JobQueue queue = jobs.queue();
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
    Pacing pacing = Pacing.defaults(2);
    runner = new PageRunner(objects, metrics, 2, pacing);
    pages =
        new PageJobHandler(
            stores,
            contexts,
            runner,
            queue,
            new FullSyncFlow(stores.syncState(), queue, 1),
            health,
            slots);
    changes =
        new ObjectJobHandler(
            stores.pendingJobs(), contexts, objects, metrics, health, queue, slots, pacing);
    stores
        .providers()
        .put(
            Provider.of(
                "crm",
                URI.create(target.baseUrl() + "/scim/v2"),
                TestSecurity.inline("crm", "t0ken")));
    stores.directory().putUser(aUser("u1").build());
    assertThat(slots.tryTake("crm")).isTrue(); // another job of crm holds its one slot
  }

  @AfterEach
  void stop() {
    runner.close();
    contexts.close();
    jobs.close();
  }

  @Test
  void aPageBeyondItsProvidersSlotsIsHandedBackUnrunAndUncounted() {
    stores.syncState().startRun(FullSyncRun.started("run1", "crm", Instant.now()));
    SyncPageRequest page =
        new SyncPageRequest("crm", "run1", ObjectType.USER, 1, 1, List.of("u1"), false, 0);

    pages.run(page);

    assertThat(scheduledJobNames()).containsExactly(page.jobName());
    assertThat(stores.syncState().currentRun("crm").orElseThrow().pagesDone()).isZero();
    assertThat(target.getAllServeEvents()).isEmpty();
    assertThat(slots.taken("crm")).isEqualTo(1);
  }

  @Test
  void aChangeBeyondItsProvidersSlotsIsHandedBackAndKeepsItsPendingMark() {
    stores.pendingJobs().mark("crm", ObjectType.USER, "u1");
    SyncObjectRequest change = new SyncObjectRequest("crm", ObjectType.USER, "u1", null);

    changes.run(change);

    assertThat(scheduledJobNames()).containsExactly(change.jobName());
    assertThat(stores.pendingJobs().mark("crm", ObjectType.USER, "u1"))
        .as("still pending: no second job")
        .isFalse();
    assertThat(target.getAllServeEvents()).isEmpty();
  }

  @Test
  void anotherProvidersJobStillRuns() {
    stores
        .providers()
        .put(
            Provider.of(
                "hr",
                URI.create(target.baseUrl() + "/scim/v2"),
                TestSecurity.inline("hr", "t0ken")));

    changes.run(
        new SyncObjectRequest(
            "hr", ObjectType.USER, "gone", null)); // no such user: nothing to send

    assertThat(scheduledJobNames()).isEmpty();
    assertThat(slots.taken("hr")).isZero();
  }

  private List<String> scheduledJobNames() {
    return jobs
        .storage()
        .getJobList(StateName.SCHEDULED, Paging.AmountBasedList.ascOnUpdatedAt(100))
        .stream()
        .map(Job::getJobName)
        .toList();
  }
}
