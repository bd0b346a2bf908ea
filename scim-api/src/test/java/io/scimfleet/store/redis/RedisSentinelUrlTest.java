package io.scimfleet.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.config.RedisUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.HostAndPort;

class RedisSentinelUrlTest {
  @Test
  public void readsTheSentinelsThePrimaryTheDataNodesCredentialsAndTheDatabase() {
    RedisSentinelUrl url =
        RedisSentinelUrl.parse(
            "redis-sentinel://scim-worker:p%40ss:w@s1.example:26379,10.0.0.2:26380/fleet/3");

    assertThat(url.user()).isEqualTo("scim-worker");
    assertThat(url.password()).isEqualTo("p@ss:w");
    assertThat(url.sentinels())
        .containsExactly(new HostAndPort("s1.example", 26379), new HostAndPort("10.0.0.2", 26380));
    assertThat(url.master()).isEqualTo("fleet");
    assertThat(url.database()).isEqualTo(3);
  }

  @Test
  public void theDatabaseFollowsThePrimarysName() {
    assertThat(RedisSentinelUrl.parse("redis-sentinel://s1:26379/fleet/3").database()).isEqualTo(3);
    assertThat(RedisSentinelUrl.parse("redis-sentinel://s1:26379/fleet").database()).isZero();
  }

  @Test
  public void withoutCredentialsTheDefaultUserAndNoPassword() {
    RedisSentinelUrl url = RedisSentinelUrl.parse("redis-sentinel://127.0.0.1:26379/mymaster");

    assertThat(url.user()).isNull();
    assertThat(url.password()).isNull();
    assertThat(url.sentinels()).containsExactly(new HostAndPort("127.0.0.1", 26379));
  }

  @Test
  public void aPasswordAloneIsTheDefaultUsersPassword() {
    RedisSentinelUrl url = RedisSentinelUrl.parse("redis-sentinel://:s3cret@s1:26379/m");

    assertThat(url.user()).isNull();
    assertThat(url.password()).isEqualTo("s3cret");
  }

  @Test
  public void theSchemeIsCaseInsensitiveAndOnlySentinelUrlsAreSentinelUrls() {
    assertThat(RedisSentinelUrl.isSentinel("REDIS-SENTINEL://s1:26379/m")).isTrue();
    assertThat(RedisSentinelUrl.isSentinel("redis://s1:6379")).isFalse();
    assertThat(RedisSentinelUrl.isSentinel(null)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "redis-sentinel://fleet:s3cret@s1:26379",
        "redis-sentinel://fleet:s3cret@s1:26379/",
        "redis-sentinel://fleet:s3cret@s1/m",
        "redis-sentinel://fleet:s3cret@s1:port/m",
        "redis-sentinel://fleet:s3cret@s1:26379,/m",
        "redis-sentinel://fleet:s3cret@s1:99999/m",
        "redis-sentinel://fleet:s3cret@s1:26379/m/x",
        "redis-sentinel://fleet:s3cret@s1:26379/m/1/2"
      })
  public void aMalformedUrlIsRefusedWithTheFormAndWithoutItsPassword(String url) {
    assertThatThrownBy(() -> RedisConnections.pool(url, 1, (String) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("REDIS_URL")
        .hasMessageContaining("redis-sentinel://[user:password@]host:port")
        .hasMessageContaining("***@")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
  }

  @Test
  public void withNoSentinelAnsweringThePoolIsRefusedAtOnceWithoutThePassword() {
    assertThatThrownBy(
            () ->
                RedisConnections.pool("redis-sentinel://u:s3cret@127.0.0.1:1/fleet", 1, "s3cret2"))
        .isInstanceOf(redis.clients.jedis.exceptions.JedisException.class)
        .hasMessageContaining("fleet")
        .satisfies(e -> assertThat(e.toString()).doesNotContain("s3cret"));
  }

  @Test
  public void theUrlIsRedactedLikeAnyRedisUrl() {
    assertThat(RedisUrl.redacted("redis-sentinel://fleet:s3c@ret@s1:26379,s2:26379/m/2"))
        .isEqualTo("redis-sentinel://***@s1:26379,s2:26379/m/2");
    assertThat(RedisUrl.redacted("redis-sentinel://s1:26379,s2:26379/m"))
        .isEqualTo("redis-sentinel://s1:26379,s2:26379/m");
  }

  @Test
  public void itsTextNeverHoldsThePassword() {
    assertThat(RedisSentinelUrl.parse("redis-sentinel://u:s3cret@s1:26379/m").toString())
        .doesNotContain("s3cret")
        .contains("s1:26379", "m");
  }
}
