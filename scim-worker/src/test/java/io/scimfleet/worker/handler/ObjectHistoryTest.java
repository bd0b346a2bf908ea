package io.scimfleet.worker.handler;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.SyncPageHandler;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.Credential;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncAttempt;
import io.scimfleet.model.SyncTrigger;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import io.scimfleet.worker.Worker;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the worker writes to an object's history, against a SCIM-SDK target: trigger, requests,
 * outcome, error.
 */
class ObjectHistoryTest {
  private static ScimSdkServer target;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private Worker worker;

  @BeforeAll
  static void startTarget() {
    target = ScimSdkServer.start();
  }

  @AfterAll
  static void stopTarget() {
    target.close();
  }

  @BeforeEach
  void start() {
    target.reset();
    worker =
        new Worker(
            stores,
            new RecordingJobQueue(),
            new FleetMetrics(new SimpleMeterRegistry()),
            clock,
            2,
            TestSecurity.settings());
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(target.baseUrl().toString())
                .withCredential(Credential.inline(target.token()))
                .build());
  }

  @AfterEach
  void stop() {
    worker.close();
  }

  @Test
  void aChangeJobRecordsItsRequestsAndOutcome() throws Exception {
    stores.directory().putUser(aUser("u1").build());

    objects().run(new SyncObjectRequest("crm", ObjectType.USER, "u1", null));

    SyncAttempt attempt = history(ObjectType.USER, "u1").get(0);
    assertThat(attempt.trigger()).isEqualTo(SyncTrigger.CHANGE);
    assertThat(attempt.outcome()).isEqualTo("created");
    assertThat(attempt.requests()).endsWith(new SyncAttempt.Request("POST", 201));
    assertThat(attempt.time()).isEqualTo(clock.instant());
    assertThat(attempt.error()).isNull();
  }

  @Test
  void aMemberSyncedFirstHasItsOwnAttemptWithTheGroupsTrigger() throws Exception {
    stores.directory().putUser(aUser("u1").build());
    stores.directory().putGroup(aGroup("g1").build(), List.of("u1"));

    objects().run(SyncObjectRequest.manual("crm", ObjectType.GROUP, "g1"));

    SyncAttempt group = history(ObjectType.GROUP, "g1").get(0);
    SyncAttempt user = history(ObjectType.USER, "u1").get(0);
    assertThat(group.trigger()).isEqualTo(SyncTrigger.MANUAL);
    assertThat(user.trigger()).isEqualTo(SyncTrigger.MANUAL);
    // the first user's mapping asks discovery (the extensions the target announces): GETs first
    assertThat(user.requests())
        .endsWith(new SyncAttempt.Request("POST", 201))
        .filteredOn(request -> !request.method().equals("GET"))
        .containsExactly(new SyncAttempt.Request("POST", 201));
    assertThat(group.requests())
        .filteredOn(request -> request.method().equals("POST"))
        .hasSize(1); // its own create
    assertThat(group.requests()).contains(new SyncAttempt.Request("PATCH", 200));
  }

  @Test
  void aForcedManualSyncSendsAnUnchangedObjectAgain() throws Exception {
    stores.directory().putUser(aUser("u1").build());
    objects().run(new SyncObjectRequest("crm", ObjectType.USER, "u1", null));
    objects().run(new SyncObjectRequest("crm", ObjectType.USER, "u1", null));

    objects().run(SyncObjectRequest.manual("crm", ObjectType.USER, "u1"));

    assertThat(history(ObjectType.USER, "u1"))
        .extracting(SyncAttempt::outcome)
        .containsExactly("updated", "unchanged", "created");
    assertThat(history(ObjectType.USER, "u1").get(1).requests()).isEmpty();
  }

  @Test
  void aFullSyncPageRecordsItsAttemptsButNotTheObjectsItSkipsAsUnchanged() throws Exception {
    stores.directory().putUser(aUser("u1").build());
    stores.directory().putUser(aUser("u2").build());
    objects().run(new SyncObjectRequest("crm", ObjectType.USER, "u1", null));
    startRun();

    pages()
        .run(
            new SyncPageRequest("crm", "r1", ObjectType.USER, 1, 1, List.of("u1", "u2"), false, 0));

    assertThat(history(ObjectType.USER, "u1"))
        .extracting(SyncAttempt::trigger)
        .containsExactly(SyncTrigger.CHANGE);
    assertThat(history(ObjectType.USER, "u2"))
        .extracting(SyncAttempt::trigger)
        .containsExactly(SyncTrigger.FULL_SYNC);
  }

  @Test
  void aRefusedAttemptKeepsTheTargetsError() throws Exception {
    stores.directory().putUser(aUser("u1").build());
    stores
        .providers()
        .put(
            aProvider("crm")
                .at(target.baseUrl().toString())
                .withCredential(Credential.inline("wrong"))
                .build());

    try {
      objects().run(new SyncObjectRequest("crm", ObjectType.USER, "u1", null));
    } catch (RuntimeException expected) {
      // a permanent failure fails the job
    }

    SyncAttempt attempt = history(ObjectType.USER, "u1").get(0);
    assertThat(attempt.outcome()).isEqualTo("failed");
    assertThat(attempt.error()).contains("401");
    assertThat(attempt.requests()).contains(new SyncAttempt.Request("POST", 401));
  }

  private void startRun() {
    FullSyncRun started = FullSyncRun.started("r1", "crm", clock.instant());
    stores.syncState().startRun(started);
    stores
        .syncState()
        .updateRun(
            new FullSyncRun(
                "r1",
                "crm",
                started.status(),
                FullSyncRun.Phase.USERS,
                started.startedAt(),
                null,
                1,
                0,
                0,
                null,
                null,
                null));
  }

  private List<SyncAttempt> history(ObjectType type, String id) {
    return stores.history().recent("crm", type, id);
  }

  private SyncObjectHandler objects() {
    return (SyncObjectHandler) worker.handlers().get(SyncObjectHandler.class);
  }

  private SyncPageHandler pages() {
    return (SyncPageHandler) worker.handlers().get(SyncPageHandler.class);
  }
}
