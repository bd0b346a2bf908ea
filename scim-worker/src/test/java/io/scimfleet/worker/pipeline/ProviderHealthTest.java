package io.scimfleet.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.error.FleetException;
import io.scimfleet.scim.ScimErrors;
import io.scimfleet.scim.ScimException;
import io.scimfleet.store.InMemoryQuarantineStore;
import io.scimfleet.store.QuarantineStore;
import io.scimfleet.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * When a provider's pause ends, many requests may go out and fail at once: the quarantine deepens
 * once.
 */
class ProviderHealthTest {
  private static final int THREADS = 8;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final QuarantineStore quarantines = new InMemoryQuarantineStore();
  private final ScimException down =
      new ScimErrors("t0ken", clock).fromResponse("POST", "/Users", 503, null, "down");

  @Test
  void probesFailingAtOnceAfterThePauseRaiseTheLevelByExactlyOne() {
    quarantines.enter("crm", "503", clock.instant());
    clock.advance(Duration.ofMinutes(1));
    List<ProviderHealth> workers =
        List.of(new ProviderHealth(quarantines, clock), new ProviderHealth(quarantines, clock));
    workers.forEach(health -> health.requireOpen("crm"));

    CyclicBarrier together = new CyclicBarrier(THREADS);
    List<CompletableFuture<Void>> probes = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      ProviderHealth health = workers.get(i % workers.size());
      probes.add(
          CompletableFuture.runAsync(
              () -> {
                await(together);
                health.failed("crm", down);
              }));
    }
    probes.forEach(CompletableFuture::join);

    assertThat(quarantines.get("crm").orElseThrow().level()).isEqualTo(2);
  }

  @Test
  void aWorkerThatSawAnOlderQuarantineDoesNotDeepenTheNewerOne() {
    quarantines.enter("crm", "503", clock.instant());
    clock.advance(Duration.ofMinutes(1));
    ProviderHealth late = new ProviderHealth(quarantines, clock);
    late.requireOpen("crm");
    ProviderHealth first = new ProviderHealth(quarantines, clock);
    first.requireOpen("crm");
    first.failed("crm", down); // another worker's probe failed first: level 2
    clock.advance(Duration.ofSeconds(1));

    late.failed("crm", down);

    assertThat(quarantines.get("crm").orElseThrow().level()).isEqualTo(2);
  }

  @Test
  void aQuarantinesReasonIsTheFailuresMessageElseItsKindNeverNull() {
    assertThat(ProviderHealth.reason(down)).isEqualTo(down.getMessage());
    assertThat(ProviderHealth.reason(new Silent(null))).isEqualTo("Silent");
    assertThat(ProviderHealth.reason(new Silent(" "))).isEqualTo("Silent");
  }

  /** A failure whose message may be missing (a subclass, a wrapped cause without one). */
  private static final class Silent extends FleetException {
    private static final long serialVersionUID = 1L;

    Silent(String message) {
      super(message);
    }

    @Override
    public boolean retryable() {
      return true;
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
