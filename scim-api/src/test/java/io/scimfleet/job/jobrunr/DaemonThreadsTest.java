package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DaemonThreadsTest {
  @Test
  void theThreadsAreNamedDaemonsThatRunTheirTask() throws InterruptedException {
    boolean[] ran = {false};
    Thread thread = DaemonThreads.named("scim-test-duty").newThread(() -> ran[0] = true);

    assertThat(thread.getName()).isEqualTo("scim-test-duty");
    assertThat(thread.isDaemon()).isTrue();
    thread.start();
    thread.join();
    assertThat(ran[0]).isTrue();
  }
}
