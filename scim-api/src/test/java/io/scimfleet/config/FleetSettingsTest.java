package io.scimfleet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
