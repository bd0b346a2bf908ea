package io.scimfleet.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.ratelimit.RateLimiter;
import io.scimfleet.scim.ScimErrors;
import io.scimfleet.scim.ScimException;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.MutableClock;
import io.scimfleet.testing.TestSecurity;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one recorder of an object's failure: written on its state (what it knew kept), counted toward
 * its provider's quarantine; a success resets the count.
 */
class FailureRecorderTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Stores stores = Stores.inMemory(clock);
  private final FailureRecorder recorder =
      new FailureRecorder(
          stores.syncState(), new ProviderHealth(stores.quarantines(), clock), clock);
  private final ProviderContexts contexts =
      new ProviderContexts(
          stores.providers(),
          new FleetMetrics(new SimpleMeterRegistry()),
          RateLimiter.local(),
          TestSecurity.settings(),
          stores.directory());
  private final ScimException down =
      new ScimErrors("t0ken", clock).fromResponse("POST", "/Users", 503, null, "down");
  private final ProviderContext ctx = crm();

  @AfterEach
  void close() {
    contexts.close();
  }

  @Test
  void aFailureIsWrittenOnTheObjectsStateKeepingWhatItKnew() {
    ObjectSyncState synced =
        ObjectSyncState.builder("crm", ObjectType.USER, "u1")
            .remoteId("r1")
            .payloadHash("hash")
            .time(clock.instant())
            .outcome(SyncOutcome.CREATED)
            .build();

    SyncResult known = recorder.failed(ctx, ObjectType.USER, "u1", synced, down);
    SyncResult unknown = recorder.failed(ctx, ObjectType.USER, "u2", null, down);

    assertThat(known.error()).isEqualTo(down.getMessage());
    assertThat(unknown.failed()).isTrue();
    ObjectSyncState u1 = stores.syncState().get("crm", ObjectType.USER, "u1").orElseThrow();
    assertThat(u1.remoteId()).isEqualTo("r1");
    assertThat(u1.payloadHash()).isEqualTo("hash");
    assertThat(u1.outcome()).isEqualTo(SyncOutcome.FAILED);
    assertThat(u1.lastError()).isEqualTo(down.getMessage());
    ObjectSyncState u2 = stores.syncState().get("crm", ObjectType.USER, "u2").orElseThrow();
    assertThat(u2.remoteId()).isNull();
    assertThat(u2.lastError()).isEqualTo(down.getMessage());
  }

  @Test
  void failuresInARowQuarantineTheProviderAndASuccessStartsTheCountAgain() {
    for (int i = 1; i < ProviderHealth.FAILURES_IN_A_ROW; i++)
      recorder.failed(ctx, ObjectType.USER, "u" + i, null, down);
    recorder.succeeded(ctx);
    for (int i = 1; i < ProviderHealth.FAILURES_IN_A_ROW; i++)
      recorder.failed(ctx, ObjectType.USER, "u" + i, null, down);

    assertThat(stores.quarantines().get("crm")).as("never ten in a row").isEmpty();

    recorder.failed(ctx, ObjectType.USER, "u0", null, down);

    assertThat(stores.quarantines().get("crm").orElseThrow().reason()).isEqualTo(down.getMessage());
  }

  private ProviderContext crm() {
    stores
        .providers()
        .put(
            Provider.of(
                "crm",
                URI.create("http://127.0.0.1:9/scim/v2"),
                TestSecurity.inline("crm", "t0ken")));
    return contexts.get("crm").orElseThrow();
  }
}
