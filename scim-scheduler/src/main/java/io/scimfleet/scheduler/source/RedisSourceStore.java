package io.scimfleet.scheduler.source;

import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.StoreException;
import io.scimfleet.store.redis.RedisDirectoryStore;
import io.scimfleet.store.redis.RedisJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Sources in Redis under the fleet's prefix: {@code sources} (hash, name to JSON), and per source
 * {@code source:{name}:status}, {@code :owned:user|group} and {@code :held:user|group} (hashes, id
 * to DN), {@code :lease} and {@code :read}; {@code source:owners:user|group} (hash, id to source)
 * answers who owns an object in one HGET; a user write through {@link #putUnownedUser} reads it
 * inside the write's own script.
 */
public final class RedisSourceStore implements SourceStore {
  private static final int CHUNK = 1000;
  private static final String RENEW =
      "local v = redis.call('GET', KEYS[1]) "
          + "if v == false or v == ARGV[1] then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end "
          + "return 0";
  private static final String RELEASE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

  private final JedisPool pool;
  private final String prefix;

  public RedisSourceStore(JedisPool pool, String prefix) {
    this.pool = pool;
    this.prefix = prefix;
  }

  @Override
  public void put(Source source) {
    String json = RedisJson.write(source);
    run("put source", j -> j.hset(sources(), source.name(), json));
  }

  @Override
  public Optional<Source> get(String name) {
    return Optional.ofNullable(
        RedisJson.read(call("get source", j -> j.hget(sources(), name)), Source.class));
  }

  @Override
  public List<Source> list() {
    return call("list sources", j -> j.hvals(sources())).stream()
        .map(json -> RedisJson.read(json, Source.class))
        .sorted(Comparator.comparing(Source::name))
        .toList();
  }

  @Override
  public boolean delete(String name) {
    return call(
        "delete source",
        j -> {
          j.del(one(name, "status"), one(name, "lease"), one(name, "read"));
          return j.hdel(sources(), name) > 0;
        });
  }

  @Override
  public Optional<SourceStatus> status(String name) {
    return Optional.ofNullable(
        RedisJson.read(
            call("read source status", j -> j.get(one(name, "status"))), SourceStatus.class));
  }

  @Override
  public void putStatus(String name, SourceStatus status) {
    String json = RedisJson.write(status);
    run("write source status", j -> j.set(one(name, "status"), json));
  }

  @Override
  public Map<String, String> owned(String source, ObjectType type) {
    return call("read owned objects", j -> j.hgetAll(one(source, "owned:" + type.label())));
  }

  @Override
  public void own(String source, ObjectType type, Map<String, String> objects) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(objects.entrySet());
    for (int from = 0; from < entries.size(); from += CHUNK) {
      List<Map.Entry<String, String>> chunk =
          entries.subList(from, Math.min(entries.size(), from + CHUNK));
      Map<String, String> dns = new HashMap<>();
      Map<String, String> owners = new HashMap<>();
      chunk.forEach(
          e -> {
            dns.put(e.getKey(), e.getValue());
            owners.put(e.getKey(), source);
          });
      run(
          "own objects",
          j -> {
            Pipeline pipeline = j.pipelined();
            pipeline.hset(one(source, "owned:" + type.label()), dns);
            pipeline.hset(owners(type), owners);
            pipeline.sync();
          });
    }
  }

  @Override
  public void disown(String source, ObjectType type, Collection<String> ids) {
    if (ids.isEmpty()) return;
    String[] all = ids.toArray(String[]::new);
    run(
        "disown objects",
        j -> {
          Pipeline pipeline = j.pipelined();
          pipeline.hdel(one(source, "owned:" + type.label()), all);
          pipeline.hdel(owners(type), all);
          pipeline.sync();
        });
  }

  @Override
  public Optional<String> ownerOf(ObjectType type, String id) {
    return Optional.ofNullable(call("read owner", j -> j.hget(owners(type), id)));
  }

  /**
   * On the Redis directory, the owner check runs inside the user write's own script: no round trip
   * of its own, and no write passes after a source took the user.
   */
  @Override
  public void putUnownedUser(DirectoryStore directory, DirectoryUser user, boolean unique) {
    if (!(directory instanceof RedisDirectoryStore redis)) {
      SourceStore.super.putUnownedUser(directory, user, unique);
      return;
    }
    Optional<String> owner = redis.putUserUnlessOwned(user, unique, owners(ObjectType.USER));
    if (owner.isPresent()) throw new SourceOwnedException(ObjectType.USER, user.id(), owner.get());
  }

  @Override
  public Map<String, String> owners(ObjectType type, Collection<String> ids) {
    List<String> all = List.copyOf(ids);
    Map<String, String> found = new HashMap<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      String[] chunk = all.subList(from, Math.min(all.size(), from + CHUNK)).toArray(String[]::new);
      List<String> owners = call("read owners", j -> j.hmget(owners(type), chunk));
      for (int i = 0; i < chunk.length; i++)
        if (owners.get(i) != null) found.put(chunk[i], owners.get(i));
    }
    return found;
  }

  @Override
  public Map<String, String> held(String source, ObjectType type) {
    return call("read held deletions", j -> j.hgetAll(one(source, "held:" + type.label())));
  }

  @Override
  public void hold(String source, ObjectType type, Map<String, String> objects) {
    String key = one(source, "held:" + type.label());
    run(
        "hold deletions",
        j -> {
          j.del(key);
          if (!objects.isEmpty()) j.hset(key, objects);
        });
  }

  @Override
  public boolean lease(String source, String holder, Duration ttl) {
    Object taken =
        call(
            "take source lease",
            j ->
                j.eval(
                    RENEW,
                    List.of(one(source, "lease")),
                    List.of(holder, Long.toString(ttl.toMillis()))));
    return Long.valueOf(1).equals(taken);
  }

  @Override
  public void releaseLease(String source, String holder) {
    run(
        "release source lease",
        j -> j.eval(RELEASE, List.of(one(source, "lease")), List.of(holder)));
  }

  @Override
  public void requestRead(String source) {
    run("request read", j -> j.set(one(source, "read"), "1", SetParams.setParams().ex(86_400)));
  }

  @Override
  public boolean takeReadRequest(String source) {
    return call("take read request", j -> j.del(one(source, "read")) > 0);
  }

  private String sources() {
    return prefix + "sources";
  }

  private String owners(ObjectType type) {
    return prefix + "source:owners:" + type.label();
  }

  private String one(String source, String what) {
    return prefix + "source:{" + source + "}:" + what;
  }

  private <T> T call(String what, Function<Jedis, T> command) {
    try (Jedis jedis = pool.getResource()) {
      return command.apply(jedis);
    } catch (JedisException e) {
      throw new StoreException("Redis failed to " + what + ": " + e.getMessage(), e);
    }
  }

  private void run(String what, java.util.function.Consumer<Jedis> command) {
    call(
        what,
        j -> {
          command.accept(j);
          return null;
        });
  }
}
