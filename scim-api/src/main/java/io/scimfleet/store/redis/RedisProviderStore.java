package io.scimfleet.store.redis;

import io.scimfleet.model.Provider;
import io.scimfleet.store.ProviderStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Transaction;

/**
 * Providers in one hash, name to JSON; a handful of providers, so {@link #list} reads them all.
 *
 * <p>A worker reads its provider for every job. The store keeps the last JSON it read of each
 * provider with what it parsed to: a provider whose JSON is unchanged costs one {@code HGET} and a
 * string comparison instead of a Jackson parse, and is the same {@link Provider} instance (so the
 * worker's check whether its cached client still matches is an identity check). Any change to the
 * stored JSON is read on the next call, as before.
 */
public final class RedisProviderStore implements ProviderStore {
  private final RedisCommands redis;
  private final String key;
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  /** A provider's JSON as last read, and the provider it parsed to. */
  private record Parsed(String json, Provider provider) {}

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
    String json = redis.call("get provider " + name, j -> j.hget(key, name));
    if (json == null) {
      parsed.remove(name);
      return Optional.empty();
    }
    return Optional.of(parse(name, json));
  }

  @Override
  public List<Provider> list() {
    return redis.call("list providers", j -> j.hgetAll(key)).entrySet().stream()
        .map(stored -> parse(stored.getKey(), stored.getValue()))
        .sorted(Comparator.comparing(Provider::name))
        .toList();
  }

  /** The provider of this JSON: parsed again only when it differs from the last one read. */
  private Provider parse(String name, String json) {
    Parsed known = parsed.get(name);
    if (known != null && known.json().equals(json)) return known.provider();
    Provider provider = RedisJson.read(json, Provider.class);
    if (provider == null)
      throw new IllegalStateException("provider " + name + " is stored as null");
    parsed.put(name, new Parsed(json, provider));
    return provider;
  }

  @Override
  public boolean delete(String name) {
    return redis.call("delete provider " + name, j -> j.hdel(key, name)) > 0;
  }
}
