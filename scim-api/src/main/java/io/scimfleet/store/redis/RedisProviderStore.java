package io.scimfleet.store.redis;

import io.scimfleet.model.Provider;
import io.scimfleet.store.ProviderStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Transaction;

/** Providers in one hash, name to JSON; a handful of providers, so {@link #list} reads them all. */
public final class RedisProviderStore implements ProviderStore {
  private final RedisCommands redis;
  private final String key;

  public RedisProviderStore(JedisPool pool, RedisKeys keys) {
    this.redis = new RedisCommands(pool);
    this.key = keys.providers();
  }

  @Override
  public void put(Provider provider) {
    String json = RedisJson.write(provider);
    redis.run("put provider " + provider.name(), j -> j.hset(key, provider.name(), json));
  }

  /** WATCH the hash, read and compare, then HSET in MULTI/EXEC; a lost race reads again. */
  @Override
  public boolean replace(Provider expected, Provider replacement) {
    String name = expected.name();
    String json = RedisJson.write(replacement);
    return redis.optimistic(
        "replace provider " + name,
        j -> {
          j.watch(key);
          Provider stored = RedisJson.read(j.hget(key, name), Provider.class);
          if (!expected.equals(stored)) return RedisCommands.unwatched(j, false);
          Transaction transaction = j.multi();
          transaction.hset(key, replacement.name(), json);
          return RedisCommands.committed(transaction, true);
        });
  }

  @Override
  public Optional<Provider> get(String name) {
    return Optional.ofNullable(
        RedisJson.read(redis.call("get provider " + name, j -> j.hget(key, name)), Provider.class));
  }

  @Override
  public List<Provider> list() {
    return redis.call("list providers", j -> j.hvals(key)).stream()
        .map(json -> RedisJson.read(json, Provider.class))
        .sorted(Comparator.comparing(Provider::name))
        .toList();
  }

  @Override
  public boolean delete(String name) {
    return redis.call("delete provider " + name, j -> j.hdel(key, name)) > 0;
  }
}
