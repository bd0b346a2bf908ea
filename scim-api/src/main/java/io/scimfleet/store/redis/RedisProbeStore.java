package io.scimfleet.store.redis;

import io.scimfleet.store.ProbeStore;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.params.SetParams;

/** One string per probe report, with its TTL. */
public final class RedisProbeStore implements ProbeStore {
  private final RedisCommands redis;
  private final RedisKeys keys;

  public RedisProbeStore(JedisPool pool, RedisKeys keys) {
    this.redis = new RedisCommands(pool);
    this.keys = keys;
  }

  @Override
  public void put(String provider, String probeId, String reportJson, Duration ttl) {
    redis.run(
        "keep a probe report",
        j ->
            j.set(
                keys.probe(provider, probeId),
                reportJson,
                SetParams.setParams().px(ttl.toMillis())));
  }

  @Override
  public Optional<String> get(String provider, String probeId) {
    return Optional.ofNullable(
        redis.call("read a probe report", j -> j.get(keys.probe(provider, probeId))));
  }
}
