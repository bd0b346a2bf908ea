package io.scimfleet.worker.pipeline;

import static io.scimfleet.metrics.FleetMetrics.PROPAGATION;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.model.SyncTrigger;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.Stores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch's propagation lags come from one read of its objects' write times. */
class AcknowledgementsTest {
  private final Stores memory = Stores.inMemory();
  private final List<String> timeReads = new ArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Acknowledgements acknowledgements =
      new Acknowledgements(counting(memory), new FleetMetrics(registry), Clock.systemUTC());

  @Test
  void aChangedBatchReadsTheWriteTimesOfAllItsObjectsAtOnce() {
    for (String id : List.of("u1", "u2", "u3")) memory.directory().putUser(aUser(id).build());

    acknowledgements.attemptedAll(
        "crm",
        ObjectType.USER,
        SyncTrigger.CHANGE,
        List.of(
            new Acknowledgements.Ended("u1", SyncOutcome.CREATED, null, "r1"),
            new Acknowledgements.Ended("u2", SyncOutcome.UPDATED, null, "r2"),
            new Acknowledgements.Ended("u3", SyncOutcome.UNCHANGED, null, "r3")));

    assertThat(timeReads).containsExactly("times of [u1, u2]");
    assertThat(registry.find(PROPAGATION).timers()).hasSize(2);
    assertThat(registry.find(PROPAGATION).timers().stream().mapToLong(Timer::count).sum())
        .isEqualTo(2);
  }

  /** The stores, their directory counting its reads of write times. */
  private Stores counting(Stores stores) {
    DirectoryStore directory = stores.directory();
    DirectoryStore counted =
        (DirectoryStore)
            Proxy.newProxyInstance(
                DirectoryStore.class.getClassLoader(),
                new Class<?>[] {DirectoryStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("times"))
                    timeReads.add(
                        args[1] instanceof Collection<?> ids ? "times of " + ids : "one time");
                  try {
                    return method.invoke(directory, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return new Stores(
        counted,
        stores.changes(),
        stores.providers(),
        stores.syncState(),
        stores.pendingJobs(),
        stores.locks(),
        stores.quarantines(),
        stores.deletions(),
        stores.onClose(),
        stores.passwords(),
        stores.history(),
        stores.consoleSessions(),
        stores.receipts(),
        stores.probes());
  }
}
