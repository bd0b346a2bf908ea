package io.scimfleet.store.redis;

import static io.scimfleet.store.redis.RedisCommands.committed;
import static io.scimfleet.store.redis.RedisCommands.unwatched;

import io.scimfleet.model.Change;
import io.scimfleet.model.Change.Operation;
import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.Page;
import io.scimfleet.store.UnknownMemberException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Transaction;

/**
 * The directory in Redis: one JSON key per object, a lexically sorted id index per type, a member
 * set per group and its reverse per user, a version counter. Every write is one MULTI/EXEC that
 * writes the object, its indexes and memberships, increments the version and appends its changes
 * to the change-feed stream. Writes that read first (deletes, memberships, a group with members)
 * WATCH what they read and run again when another client changed it.
 */
public final class RedisDirectoryStore implements DirectoryStore {
  private static final int BULK_CHUNK = 1_000;

  private final RedisCommands redis;
  private final RedisKeys keys;

  public RedisDirectoryStore(JedisPool pool, RedisKeys keys) {
    this.redis = new RedisCommands(pool);
    this.keys = keys;
  }

  @Override
  public void putUser(DirectoryUser user) {
    redis.transaction("put user " + user.id(), t -> {
      writeUser(t, user);
      t.incr(keys.version());
    });
  }

  /** One MULTI/EXEC per thousand users: each user is its own write, change and version step. */
  @Override
  public void putUsers(Collection<DirectoryUser> users) {
    List<DirectoryUser> all = List.copyOf(users);
    for (int from = 0; from < all.size(); from += BULK_CHUNK) {
      List<DirectoryUser> chunk = all.subList(from, Math.min(all.size(), from + BULK_CHUNK));
      redis.transaction("put " + chunk.size() + " users", t -> {
        chunk.forEach(user -> writeUser(t, user));
        t.incrBy(keys.version(), chunk.size());
      });
    }
  }

  @Override
  public Optional<DirectoryUser> user(String id) {
    return Optional.ofNullable(RedisJson.read(redis.call("get user " + id, j -> j.get(keys.user(id))),
        DirectoryUser.class));
  }

  @Override
  public List<DirectoryUser> users(Collection<String> ids) {
    return load(ids, keys::user, DirectoryUser.class);
  }

  @Override
  public boolean deleteUser(String id) {
    return redis.optimistic("delete user " + id, j -> {
      j.watch(keys.user(id), keys.groupsOf(id));
      if (!j.exists(keys.user(id))) return unwatched(j, false);
      Set<String> groups = j.smembers(keys.groupsOf(id));
      Transaction t = j.multi();
      t.del(keys.user(id), keys.groupsOf(id));
      t.zrem(keys.userIndex(), id);
      for (String group : groups) {
        t.srem(keys.members(group), id);
        append(t, Change.membership(group, id, Operation.DELETE));
      }
      append(t, Change.user(id, Operation.DELETE));
      t.incr(keys.version());
      return committed(t, true);
    });
  }

  @Override
  public void putGroup(DirectoryGroup group, Collection<String> memberIds) {
    if (memberIds == null) {
      redis.transaction("put group " + group.id(), t -> {
        writeGroup(t, group);
        t.incr(keys.version());
      });
      return;
    }
    Set<String> wanted = new LinkedHashSet<>(memberIds);
    redis.optimistic("put group " + group.id(), j -> replaceGroup(j, group, wanted));
  }

  private Optional<Boolean> replaceGroup(Jedis j, DirectoryGroup group, Set<String> wanted) {
    String membersKey = keys.members(group.id());
    String[] userKeys = wanted.stream().map(keys::user).toArray(String[]::new);
    j.watch(Stream.concat(Stream.of(membersKey), Stream.of(userKeys)).toArray(String[]::new));
    if (userKeys.length > 0 && j.exists(userKeys) < userKeys.length) {
      List<String> missing = wanted.stream().filter(id -> !j.exists(keys.user(id))).toList();
      j.unwatch();
      throw new UnknownMemberException("user", missing);
    }
    Set<String> current = j.smembers(membersKey);
    Transaction t = j.multi();
    writeGroup(t, group);
    t.del(membersKey);
    if (!wanted.isEmpty()) t.sadd(membersKey, wanted.toArray(String[]::new));
    current.stream().filter(id -> !wanted.contains(id)).forEach(id -> t.srem(keys.groupsOf(id), group.id()));
    wanted.stream().filter(id -> !current.contains(id)).forEach(id -> t.sadd(keys.groupsOf(id), group.id()));
    t.incr(keys.version());
    return committed(t, true);
  }

  @Override
  public Optional<DirectoryGroup> group(String id) {
    return Optional.ofNullable(RedisJson.read(redis.call("get group " + id, j -> j.get(keys.group(id))),
        DirectoryGroup.class));
  }

  @Override
  public List<DirectoryGroup> groups(Collection<String> ids) {
    return load(ids, keys::group, DirectoryGroup.class);
  }

  @Override
  public boolean deleteGroup(String id) {
    return redis.optimistic("delete group " + id, j -> {
      j.watch(keys.group(id), keys.members(id));
      if (!j.exists(keys.group(id))) return unwatched(j, false);
      Set<String> members = j.smembers(keys.members(id));
      Transaction t = j.multi();
      t.del(keys.group(id), keys.members(id));
      t.zrem(keys.groupIndex(), id);
      members.forEach(user -> t.srem(keys.groupsOf(user), id));
      append(t, Change.group(id, Operation.DELETE));
      t.incr(keys.version());
      return committed(t, true);
    });
  }

  @Override
  public boolean addMember(String groupId, String userId) {
    return redis.optimistic("add " + userId + " to group " + groupId, j -> {
      j.watch(keys.group(groupId), keys.user(userId), keys.members(groupId));
      requireExists(j, keys.group(groupId), "group", groupId);
      requireExists(j, keys.user(userId), "user", userId);
      if (j.sismember(keys.members(groupId), userId)) return unwatched(j, false);
      Transaction t = j.multi();
      t.sadd(keys.members(groupId), userId);
      t.sadd(keys.groupsOf(userId), groupId);
      append(t, Change.membership(groupId, userId, Operation.UPSERT));
      t.incr(keys.version());
      return committed(t, true);
    });
  }

  @Override
  public boolean removeMember(String groupId, String userId) {
    return redis.optimistic("remove " + userId + " from group " + groupId, j -> {
      j.watch(keys.members(groupId));
      if (!j.sismember(keys.members(groupId), userId)) return unwatched(j, false);
      Transaction t = j.multi();
      t.srem(keys.members(groupId), userId);
      t.srem(keys.groupsOf(userId), groupId);
      append(t, Change.membership(groupId, userId, Operation.DELETE));
      t.incr(keys.version());
      return committed(t, true);
    });
  }

  @Override
  public Set<String> members(String groupId) {
    return redis.call("read members of " + groupId, j -> j.smembers(keys.members(groupId)));
  }

  @Override
  public Set<String> groupsOf(String userId) {
    return redis.call("read groups of " + userId, j -> j.smembers(keys.groupsOf(userId)));
  }

  @Override
  public Page<String> userIds(String cursor, int limit) {
    return redis.call("page user ids", j -> RedisPages.byLex(j, keys.userIndex(), cursor, limit));
  }

  @Override
  public Page<String> groupIds(String cursor, int limit) {
    return redis.call("page group ids", j -> RedisPages.byLex(j, keys.groupIndex(), cursor, limit));
  }

  @Override
  public long userCount() {
    return redis.call("count users", j -> j.zcard(keys.userIndex()));
  }

  @Override
  public long groupCount() {
    return redis.call("count groups", j -> j.zcard(keys.groupIndex()));
  }

  @Override
  public long version() {
    String value = redis.call("read the directory version", j -> j.get(keys.version()));
    return value == null ? 0 : Long.parseLong(value);
  }

  private void writeUser(Transaction t, DirectoryUser user) {
    t.set(keys.user(user.id()), RedisJson.write(user));
    t.zadd(keys.userIndex(), 0, user.id());
    append(t, Change.user(user.id(), Operation.UPSERT));
  }

  /** The group upsert change also stands for its membership changes: the group is synced whole. */
  private void writeGroup(Transaction t, DirectoryGroup group) {
    t.set(keys.group(group.id()), RedisJson.write(group));
    t.zadd(keys.groupIndex(), 0, group.id());
    append(t, Change.group(group.id(), Operation.UPSERT));
  }

  private void append(Transaction t, Change change) {
    t.xadd(keys.changes(), RedisChanges.append(), RedisChanges.encode(change));
  }

  private static void requireExists(Jedis j, String key, String what, String id) {
    if (!j.exists(key)) {
      j.unwatch();
      throw new UnknownMemberException(what, List.of(id));
    }
  }

  /** One MGET, in the order of {@code ids}; unknown ids are left out. */
  private <T> List<T> load(Collection<String> ids, Function<String, String> key, Class<T> type) {
    if (ids.isEmpty()) return List.of();
    List<String> json = redis.call("load " + ids.size() + " " + type.getSimpleName() + "s",
        j -> j.mget(ids.stream().map(key).toArray(String[]::new)));
    List<T> found = new ArrayList<>(json.size());
    for (String each : json) {
      if (each != null) found.add(RedisJson.read(each, type));
    }
    return found;
  }
}
