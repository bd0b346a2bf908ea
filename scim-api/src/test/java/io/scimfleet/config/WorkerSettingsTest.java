package io.scimfleet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkerSettingsTest {
  @Test
  void withoutVariablesAWorkerRunsOnTheDocumentedDefaults() {
    WorkerSettings worker = FleetSettings.fromEnv(Map.of()).worker();

    assertThat(worker).isEqualTo(WorkerSettings.defaults(16));
    assertThat(worker.pacing()).isEqualTo(Pacing.defaults(16));
    assertThat(worker.pageThreadsMax()).isEqualTo(256);
    assertThat(worker.warmUp()).isEqualTo(Duration.ofSeconds(2));
    assertThat(worker.adaptiveConcurrency()).isTrue();
    assertThat(worker.maxResponseBytes()).isEqualTo(4L * 1024 * 1024);
    assertThat(worker.serverName()).isEqualTo("scim-worker-" + ProcessHandle.current().pid());
  }

  @Test
  void everyWorkerVariableIsRead() {
    WorkerSettings worker =
        FleetSettings.fromEnv(
                Map.of(
                    "SCIM_WORKER_THREADS", "4",
                    "SCIM_PAGE_THREADS_MAX", "64",
                    "SCIM_WARM_UP_SECONDS", "0",
                    "SCIM_ADAPTIVE_CONCURRENCY", " OFF ",
                    "SCIM_MAX_RESPONSE_BYTES", "1024",
                    "SCIM_RETRY_FOR", "2d",
                    "HOSTNAME", "scim-worker-7f9c"))
            .worker();

    assertThat(worker.pacing().jobsPerProvider()).isEqualTo(2);
    assertThat(worker.pacing().retryFor()).isEqualTo(Duration.ofDays(2));
    assertThat(worker.pageThreadsMax()).isEqualTo(64);
    assertThat(worker.warmUp()).isZero();
    assertThat(worker.adaptiveConcurrency()).isFalse();
    assertThat(worker.maxResponseBytes()).isEqualTo(1024);
    assertThat(worker.serverName()).isEqualTo("scim-worker-7f9c");
  }

  @Test
  void adaptiveConcurrencyIsOnOrOffInAnyCaseAndABlankHostNameIsNone() {
    assertThat(worker("SCIM_ADAPTIVE_CONCURRENCY", "On").adaptiveConcurrency()).isTrue();
    assertThat(worker("SCIM_ADAPTIVE_CONCURRENCY", " ").adaptiveConcurrency()).isTrue();
    assertThat(worker("HOSTNAME", " ").hostname()).isNull();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SCIM_ADAPTIVE_CONCURRENCY | false | SCIM_ADAPTIVE_CONCURRENCY must be on or off, not 'false'",
        "SCIM_JOBS_PER_PROVIDER    | 0     | SCIM_JOBS_PER_PROVIDER must be a whole number of at least 1, not '0'",
        "SCIM_JOBS_PER_PROVIDER    | many  | SCIM_JOBS_PER_PROVIDER must be a whole number, not 'many'",
        "SCIM_MAX_RESPONSE_BYTES   | 0     | SCIM_MAX_RESPONSE_BYTES must be a whole number of at least 1, not '0'",
        "SCIM_MAX_RESPONSE_BYTES   | 4MiB  | SCIM_MAX_RESPONSE_BYTES must be a whole number, not '4MiB'",
        "SCIM_PAGE_THREADS_MAX     | lots  | SCIM_PAGE_THREADS_MAX must be a whole number, not 'lots'",
        "SCIM_WARM_UP_SECONDS      | 2s    | SCIM_WARM_UP_SECONDS must be a whole number, not '2s'",
        "SCIM_RETRY_FOR            | 1y    | SCIM_RETRY_FOR must be a duration such as 90s, 15m, 24h or 2d, not '1y'",
      })
  void aRefusedValueNamesTheVariableAndWhatItAccepts(String name, String value, String message) {
    assertThatThrownBy(() -> worker(name, value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  private static WorkerSettings worker(String name, String value) {
    return FleetSettings.fromEnv(Map.of(name, value)).worker();
  }
}
