package io.scimfleet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.mapping.MappingLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FleetSettingsTest {
  @Test
  public void aSentinelUrlAndTheSentinelsPasswordAreReadButNeverShown() {
    FleetSettings settings =
        FleetSettings.fromEnv(
            Map.of(
                "REDIS_URL",
                "redis-sentinel://scim:data-s3cret@s1:26379,s2:26379/fleet/2",
                "SCIM_REDIS_SENTINEL_PASSWORD",
                "sentinel-s3cret"));

    assertThat(settings.redisSentinelPassword()).isEqualTo("sentinel-s3cret");
    assertThat(settings.toString())
        .contains("redis-sentinel://***@s1:26379,s2:26379/fleet/2")
        .doesNotContain("s3cret");
  }

  @Test
  public void withoutASentinelPasswordTheSentinelsAreAskedWithoutOne() {
    assertThat(FleetSettings.fromEnv(Map.of()).redisSentinelPassword()).isNull();
    assertThat(
            FleetSettings.fromEnv(Map.of("SCIM_REDIS_SENTINEL_PASSWORD", " "))
                .redisSentinelPassword())
        .isNull();
  }

  @Test
  public void theSentinelsPasswordSurvivesAChangeOfSecuritySettings() {
    FleetSettings settings = FleetSettings.fromEnv(Map.of("SCIM_REDIS_SENTINEL_PASSWORD", "pw"));

    assertThat(settings.withSecurity(settings.security()).redisSentinelPassword()).isEqualTo("pw");
  }

  @Test
  void withoutVariablesTheSharedSettingsAreTheDocumentedDefaults() {
    FleetSettings settings = FleetSettings.fromEnv(Map.of());

    assertThat(settings.mappingLimits()).isEqualTo(MappingLimits.defaults());
    assertThat(settings.jobRetention()).isEqualTo(JobRetention.defaults());
    assertThat(settings.receiptRetention()).isEqualTo(Duration.ofDays(90));
    assertThat(settings.workerThreads()).isEqualTo(16);
    assertThat(settings.redisPrefix()).isEqualTo("scim:");
  }

  @Test
  void theMappingLimitsAndRetentionsAreRead() {
    FleetSettings settings =
        FleetSettings.fromEnv(
            Map.of(
                "SCIM_MAPPING_TIMEOUT_MS", "250",
                "SCIM_MAPPING_MAX_DEPTH", "50",
                "SCIM_MAPPING_MAX_STRING", "100",
                "SCIM_MAPPING_MAX_ARRAY", "10",
                "SCIM_RECEIPT_RETENTION_DAYS", "30",
                "SCIM_FAILED_JOB_RETENTION_DAYS", "2"));

    assertThat(settings.mappingLimits())
        .isEqualTo(new MappingLimits(Duration.ofMillis(250), 50, 100, 10));
    assertThat(settings.receiptRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(settings.jobRetention().failed()).isEqualTo(Duration.ofDays(2));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SCIM_MAPPING_TIMEOUT_MS        | soon | SCIM_MAPPING_TIMEOUT_MS must be a whole number, not 'soon'",
        "SCIM_MAPPING_TIMEOUT_MS        | 0    | SCIM_MAPPING_TIMEOUT_MS must be a whole number of at least 1, not '0'",
        "SCIM_MAPPING_MAX_DEPTH         | 0    | SCIM_MAPPING_MAX_DEPTH must be a whole number of at least 1, not '0'",
        "SCIM_MAPPING_MAX_STRING        | -1   | SCIM_MAPPING_MAX_STRING must be a whole number of at least 1, not '-1'",
        "SCIM_MAPPING_MAX_ARRAY         | 1e4  | SCIM_MAPPING_MAX_ARRAY must be a whole number, not '1e4'",
        "SCIM_RECEIPT_RETENTION_DAYS    | 0    | SCIM_RECEIPT_RETENTION_DAYS must be a whole number of at least 1, not '0'",
        "SCIM_RECEIPT_RETENTION_DAYS    | 90d  | SCIM_RECEIPT_RETENTION_DAYS must be a whole number, not '90d'",
        "SCIM_FAILED_JOB_RETENTION_DAYS | week | SCIM_FAILED_JOB_RETENTION_DAYS must be a whole number, not 'week'",
        "SCIM_WORKER_THREADS            | 9999999999 | SCIM_WORKER_THREADS is out of range: 9999999999",
      })
  void aRefusedValueNamesTheVariableAndWhatItAccepts(String name, String value, String message) {
    assertThatThrownBy(() -> FleetSettings.fromEnv(Map.of(name, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
