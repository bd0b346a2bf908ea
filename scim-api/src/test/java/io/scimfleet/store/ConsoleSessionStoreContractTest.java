package io.scimfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ConsoleSessionStore} does. */
public abstract class ConsoleSessionStoreContractTest {
  private static final Duration IDLE = Duration.ofMinutes(30);

  protected ConsoleSessionStore store;

  protected abstract ConsoleSessionStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  public void anOpenSessionAnswersItsCsrfTokenUntilClosed() {
    store.open("s1", "csrf-1", IDLE);
    store.open("s2", "csrf-2", IDLE);

    assertThat(store.touch("s1", IDLE)).contains("csrf-1");
    assertThat(store.touch("s2", IDLE)).contains("csrf-2");
    store.close("s1");
    assertThat(store.touch("s1", IDLE)).isEmpty();
    assertThat(store.touch("unknown", IDLE)).isEmpty();
  }

  @Test
  public void aSessionUnusedForItsIdleTimeIsOver() {
    store.open("s1", "csrf-1", Duration.ofMillis(300));

    // every look renews the session: look less often than its idle time
    await()
        .pollDelay(Duration.ofMillis(700))
        .pollInterval(Duration.ofMillis(700))
        .atMost(Duration.ofSeconds(10))
        .until(() -> store.touch("s1", Duration.ofMillis(300)).isEmpty());
  }

  @Test
  public void aNoticeIsTakenOnceAndNeverLeftForASessionThatIsOver() {
    store.open("s1", "csrf-1", IDLE);

    store.notice("s1", "5 held deletions released");
    store.notice("gone", "lost");

    assertThat(store.takeNotice("s1")).contains("5 held deletions released");
    assertThat(store.takeNotice("s1")).isEmpty();
    assertThat(store.takeNotice("gone")).isEmpty();
    assertThat(store.touch("gone", IDLE)).isEmpty();
  }
}
