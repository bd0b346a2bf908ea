package io.scimfleet.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisClientConfig;

class RedisConnectionsTlsTest {
  @Test
  void aRedissUrlTurnsOnTlsWithHostNameVerification() {
    JedisClientConfig config =
        RedisConnections.clientConfig(
            URI.create("rediss://fleet:s3cret@redis.example:6380/2"), null);

    assertThat(config.isSsl()).isTrue();
    assertThat(config.getSslParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
    assertThat(config.getUser()).isEqualTo("fleet");
    assertThat(config.getPassword()).isEqualTo("s3cret");
    assertThat(config.getDatabase()).isEqualTo(2);
  }

  @Test
  void aRedisUrlStaysPlain() {
    JedisClientConfig config =
        RedisConnections.clientConfig(URI.create("redis://:pw@127.0.0.1:6379"), null);

    assertThat(config.isSsl()).isFalse();
    assertThat(config.getSslParameters()).isNull();
    assertThat(config.getPassword()).isEqualTo("pw");
    assertThat(config.getDatabase()).isZero();
  }
}
