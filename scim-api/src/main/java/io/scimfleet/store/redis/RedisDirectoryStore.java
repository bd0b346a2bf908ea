package io.scimfleet.store.redis;

import static io.scimfleet.store.redis.RedisCommands.committed;
import static io.scimfleet.store.redis.RedisCommands.unwatched;

import io.scimfleet.model.Change;
import io.scimfleet.model.Change.Operation;
import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectTimes;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.GroupCycleException;
import io.scimfleet.store.GroupGraph;
import io.scimfleet.store.Page;
import io.scimfleet.store.UnknownMemberException;
import io.scimfleet.store.UsernameTakenException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;

/**
 * The directory in Redis: one JSON key per object, a lexically sorted id index per type, a member
 * set per group and its reverse per user, a username index (lower case to id) with its reverse, per
 * type a hash of when each object was created and one of when it last changed, a version counter.
 * Every write is one atomic step (a MULTI/EXEC, or for a user one script) that writes the object,
 * its indexes, times and memberships, increments the version and appends its changes to the
 * change-feed stream. Writes that read first (deletes, memberships, a group with members) WATCH
 * what they read and run again when another client changed it.
 */
public final class RedisDirectoryStore implements DirectoryStore {
  private static final int BULK_CHUNK = 1_000;

  /**
   * Writes one user with its username index, times, change and version step. KEYS: user, user
   * index, usernames, username-of, created, modified, version, changes; ARGV: id, JSON, username
   * key, unique (1/0), now, user key prefix. Returns the holder's id when unique is asked and
   * another existing user holds the name (nothing written), else false. The change's fields are
   * those of {@link RedisChanges#encode}.
   */
  private static final String WRITE_USER =
      """
      local holder = redis.call('HGET', KEYS[3], ARGV[3])
      if ARGV[4] == '1' and holder and holder ~= ARGV[1]
          and redis.call('EXISTS', ARGV[6] .. holder) == 1 then
        return holder
      end
      local old = redis.call('HGET', KEYS[4], ARGV[1])
      if old and old ~= ARGV[3] and redis.call('HGET', KEYS[3], old) == ARGV[1] then
        redis.call('HDEL', KEYS[3], old)
      end
      redis.call('HSET', KEYS[3], ARGV[3], ARGV[1])
      redis.call('HSET', KEYS[4], ARGV[1], ARGV[3])
      redis.call('SET', KEYS[1], ARGV[2])
      redis.call('ZADD', KEYS[2], 0, ARGV[1])
      redis.call('HSETNX', KEYS[5], ARGV[1], ARGV[5])
      redis.call('HSET', KEYS[6], ARGV[1], ARGV[5])
      redis.call('XADD', KEYS[8], '*',
          'k', 'USER', 'i', ARGV[1], 'm', '', 'o', 'UPSERT')
      redis.call('INCR', KEYS[7])
      return false
      """;

  private static final RedisScript PUT_USER = new RedisScript(WRITE_USER);

  /**
   * {@link #PUT_USER} after a look at KEYS[9], a hash of object id to owner: when it names an owner
   * of the user, nothing is written and the answer is {@code {'owned', owner}}.
   */
  private static final RedisScript PUT_UNOWNED_USER =
      new RedisScript(
          """
      local owner = redis.call('HGET', KEYS[9], ARGV[1])
      if owner then return {'owned', owner} end
      """
              + WRITE_USER);

  /** Clears a user's username entries. KEYS: usernames, username-of; ARGV: id. */
  private static final RedisScript UNINDEX_USER =
      new RedisScript(
          """
      local old = redis.call('HGET', KEYS[2], ARGV[1])
      if old and redis.call('HGET', KEYS[1], old) == ARGV[1] then redis.call('HDEL', KEYS[1], old) end
      redis.call('HDEL', KEYS[2], ARGV[1])
      return 1
      """);

  /**
   * Indexes a user written before the index existed, unless it is indexed already. KEYS: usernames,
   * username-of; ARGV: id, username key.
   */
  private static final RedisScript INDEX_OLD_USER =
      new RedisScript(
          """
      if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 0 end
      redis.call('HSETNX', KEYS[1], ARGV[2], ARGV[1])
      redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
      return 1
      """);

  private final RedisCommands redis;
  private final RedisKeys keys;
  private final Clock clock;
  private volatile boolean usernamesComplete;

  public RedisDirectoryStore(JedisPool pool, RedisKeys keys) {
    this(pool, keys, Clock.systemUTC());
  }

  public RedisDirectoryStore(JedisPool pool, RedisKeys keys, Clock clock) {
    this.redis = new RedisCommands(pool);
    this.keys = keys;
    this.clock = clock;
  }

  @Override
  public void putUser(DirectoryUser user) {
    redis.call(
        "put user " + user.id(), j -> PUT_USER.run(j, userKeys(user), userArgs(user, false)));
  }

  @Override
  public void putUniqueUser(DirectoryUser user) {
    completeUsernames();
    Object holder =
        redis.call(
            "put user " + user.id(), j -> PUT_USER.run(j, userKeys(user), userArgs(user, true)));
    if (holder instanceof String id) throw new UsernameTakenException(user.username(), id);
  }

  /**
   * As {@link #putUser} ({@code unique}: {@link #putUniqueUser}) unless the hash {@code ownersKey}
   * (object id to owner, e.g. the identity sources') names an owner of the user: then nothing is
   * written and the owner is answered. The look-up and the write are one script: one round trip,
   * and no write passes after the owner was recorded.
   */
  public Optional<String> putUserUnlessOwned(DirectoryUser user, boolean unique, String ownersKey) {
    if (unique) completeUsernames();
    List<String> keys = new ArrayList<>(userKeys(user));
    keys.add(ownersKey);
    Object reply =
        redis.call(
            "put user " + user.id(), j -> PUT_UNOWNED_USER.run(j, keys, userArgs(user, unique)));
    if (reply instanceof List<?> owned) return Optional.of(text(owned.get(1)));
    if (reply instanceof String id) throw new UsernameTakenException(user.username(), id);
    return Optional.empty();
  }

  private static String text(@Nullable Object reply) {
    return reply instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.UTF_8)
        : String.valueOf(reply);
  }

  /**
   * One MULTI/EXEC of the user script per thousand users: each user is its own write, change and
   * version step, and a thousand changes reach the feed at once (the change consumer batches them).
   */
  @Override
  public void putUsers(Collection<DirectoryUser> users) {
    List<DirectoryUser> all = List.copyOf(users);
    for (int from = 0; from < all.size(); from += BULK_CHUNK) {
      List<DirectoryUser> chunk = all.subList(from, Math.min(all.size(), from + BULK_CHUNK));
      redis.transaction(
          "put " + chunk.size() + " users",
          t -> {
            List<RedisScript> loaded = new ArrayList<>(1);
            chunk.forEach(user -> PUT_USER.queue(t, loaded, userKeys(user), userArgs(user, false)));
          });
    }
  }

  private List<String> userKeys(DirectoryUser user) {
    return List.of(
        keys.user(user.id()),
        keys.userIndex(),
        keys.usernames(),
        keys.usernameOf(),
        keys.created(ObjectType.USER),
        keys.modified(ObjectType.USER),
        keys.version(),
        keys.changes());
  }

  private List<String> userArgs(DirectoryUser user, boolean unique) {
    return List.of(
        user.id(),
        RedisJson.write(user),
        DirectoryStore.usernameKey(user.username()),
        unique ? "1" : "0",
        Long.toString(clock.millis()),
        keys.user(""));
  }

  @Override
  public Optional<DirectoryUser> user(String id) {
    return loadOne("user " + id, keys.user(id), DirectoryUser.class);
  }

  /** Reads the index, then the user, and checks that the user still holds the name. */
  @Override
  public Optional<DirectoryUser> userByUsername(String username) {
    completeUsernames();
    String key = DirectoryStore.usernameKey(username);
    String id = redis.call("look up a username", j -> j.hget(keys.usernames(), key));
    if (id == null) return Optional.empty();
    return user(id).filter(user -> DirectoryStore.usernameKey(user.username()).equals(key));
  }

  @Override
  public Optional<ObjectTimes> times(ObjectType type, String id) {
    return Optional.ofNullable(times(type, List.of(id)).get(id));
  }

  /** Two HMGETs, pipelined. */
  @Override
  public Map<String, ObjectTimes> times(ObjectType type, Collection<String> ids) {
    if (ids.isEmpty()) return Map.of();
    String[] fields = ids.toArray(String[]::new);
    List<List<String>> both =
        redis.call(
            "read the times of " + ids.size() + " " + type.label() + "s",
            j -> {
              Pipeline pipeline = j.pipelined();
              Response<List<String>> created = pipeline.hmget(keys.created(type), fields);
              Response<List<String>> modified = pipeline.hmget(keys.modified(type), fields);
              pipeline.sync();
              return List.of(created.get(), modified.get());
            });
    Map<String, ObjectTimes> times = new HashMap<>();
    for (int i = 0; i < fields.length; i++) {
      String created = both.get(0).get(i);
      String modified = both.get(1).get(i);
      if (created != null && modified != null)
        times.put(fields[i], new ObjectTimes(millis(created), millis(modified)));
    }
    return times;
  }

  private static Instant millis(String epochMillis) {
    return Instant.ofEpochMilli(Long.parseLong(epochMillis));
  }

  /**
   * Once per store and per Redis: indexes the usernames of users written before the index existed
   * (an upgrade), so that look-ups and the uniqueness check see every user.
   */
  private void completeUsernames() {
    if (usernamesComplete) return;
    if (!redis.call("check the username index", j -> j.exists(keys.usernamesComplete()))) {
      String cursor = null;
      do {
        Page<String> page = userIds(cursor, BULK_CHUNK);
        List<DirectoryUser> users = users(page.items());
        List<RedisScript.Call> calls =
            users.stream()
                .map(
                    user ->
                        new RedisScript.Call(
                            List.of(keys.usernames(), keys.usernameOf()),
                            List.of(user.id(), DirectoryStore.usernameKey(user.username()))))
                .toList();
        redis.run("index " + users.size() + " usernames", j -> INDEX_OLD_USER.runAll(j, calls));
        cursor = page.nextCursor();
      } while (cursor != null);
      redis.run("mark the username index complete", j -> j.set(keys.usernamesComplete(), "1"));
    }
    usernamesComplete = true;
  }

  @Override
  public List<DirectoryUser> users(Collection<String> ids) {
    return load(ids, keys::user, DirectoryUser.class);
  }

  @Override
  public boolean deleteUser(String id) {
    return redis.optimistic(
        "delete user " + id,
        j -> {
          j.watch(keys.user(id), keys.groupsOf(id));
          if (!j.exists(keys.user(id))) return unwatched(j, false);
          Set<String> groups = j.smembers(keys.groupsOf(id));
          Transaction t = j.multi();
          t.del(keys.user(id), keys.groupsOf(id));
          t.zrem(keys.userIndex(), id);
          UNINDEX_USER.queue(
              t, new ArrayList<>(1), List.of(keys.usernames(), keys.usernameOf()), List.of(id));
          t.hdel(keys.created(ObjectType.USER), id);
          t.hdel(keys.modified(ObjectType.USER), id);
          for (String group : groups) {
            t.srem(keys.members(group), id);
            touchGroup(t, group);
            append(t, Change.membership(group, id, Operation.DELETE));
          }
          append(t, Change.user(id, Operation.DELETE));
          t.incr(keys.version());
          return committed(t, true);
        });
  }

  @Override
  public void putGroup(
      DirectoryGroup group,
      @Nullable Collection<String> memberIds,
      @Nullable Collection<String> memberGroupIds) {
    if (memberIds == null && memberGroupIds == null) {
      redis.transaction(
          "put group " + group.id(),
          t -> {
            writeGroup(t, group);
            t.incr(keys.version());
          });
      return;
    }
    Set<String> wanted = memberIds == null ? null : new LinkedHashSet<>(memberIds);
    Set<String> children = memberGroupIds == null ? null : new LinkedHashSet<>(memberGroupIds);
    redis.optimistic("put group " + group.id(), j -> replaceGroup(j, group, wanted, children));
  }

  /**
   * Watches what it reads (members, users, child groups, the group graph), checks, then writes the
   * diffs.
   */
  private Optional<Boolean> replaceGroup(
      Jedis j, DirectoryGroup group, @Nullable Set<String> wanted, @Nullable Set<String> children) {
    List<String> watched =
        new ArrayList<>(
            List.of(
                keys.members(group.id()), keys.memberGroups(group.id()), keys.groupGraphVersion()));
    if (wanted != null) wanted.forEach(id -> watched.add(keys.user(id)));
    if (children != null) children.forEach(id -> watched.add(keys.group(id)));
    j.watch(watched.toArray(String[]::new));
    if (wanted != null) requireAll(j, wanted, keys::user, "user");
    if (children != null) requireNestable(j, group.id(), children);
    Set<String> currentMembers = wanted == null ? Set.of() : j.smembers(keys.members(group.id()));
    Set<String> currentChildren =
        children == null ? Set.of() : j.smembers(keys.memberGroups(group.id()));
    Transaction t = j.multi();
    writeGroup(t, group);
    if (wanted != null) writeMemberDiff(t, group.id(), currentMembers, wanted);
    if (children != null) writeChildDiff(t, group.id(), currentChildren, children);
    t.incr(keys.version());
    return committed(t, true);
  }

  private void writeMemberDiff(
      Transaction t, String groupId, Set<String> current, Set<String> wanted) {
    current.stream().filter(id -> !wanted.contains(id)).forEach(id -> unlinkMember(t, groupId, id));
    wanted.stream().filter(id -> !current.contains(id)).forEach(id -> linkMember(t, groupId, id));
  }

  private void writeChildDiff(
      Transaction t, String groupId, Set<String> current, Set<String> wanted) {
    current.stream().filter(id -> !wanted.contains(id)).forEach(id -> unlinkChild(t, groupId, id));
    wanted.stream().filter(id -> !current.contains(id)).forEach(id -> linkChild(t, groupId, id));
  }

  private void requireAll(Jedis j, Set<String> ids, Function<String, String> key, String what) {
    if (ids.isEmpty() || j.exists(ids.stream().map(key).toArray(String[]::new)) == ids.size())
      return;
    List<String> missing = ids.stream().filter(id -> !j.exists(key.apply(id))).toList();
    j.unwatch();
    throw new UnknownMemberException(what, missing);
  }

  /**
   * Every child exists (or is the group itself, which the cycle check then names) and closes no
   * cycle.
   */
  private void requireNestable(Jedis j, String groupId, Set<String> children) {
    Set<String> others = new LinkedHashSet<>(children);
    others.remove(groupId);
    requireAll(j, others, keys::group, "group");
    for (String child : children) {
      Optional<List<String>> cycle =
          GroupGraph.cycle(groupId, child, ids -> smembers(j, ids, keys::memberGroups));
      if (cycle.isPresent()) {
        j.unwatch();
        throw new GroupCycleException(cycle.get());
      }
    }
  }

  @Override
  public Optional<DirectoryGroup> group(String id) {
    return loadOne("group " + id, keys.group(id), DirectoryGroup.class);
  }

  @Override
  public List<DirectoryGroup> groups(Collection<String> ids) {
    return load(ids, keys::group, DirectoryGroup.class);
  }

  /**
   * Appends a MEMBERSHIP DELETE per member and a MEMBER_GROUP DELETE per nesting it was part of.
   */
  @Override
  public boolean deleteGroup(String id) {
    return redis.optimistic(
        "delete group " + id,
        j -> {
          j.watch(keys.group(id), keys.members(id), keys.groupGraphVersion());
          if (!j.exists(keys.group(id))) return unwatched(j, false);
          Set<String> members = j.smembers(keys.members(id));
          Set<String> children = j.smembers(keys.memberGroups(id));
          Set<String> parents = j.smembers(keys.parentGroups(id));
          Transaction t = j.multi();
          members.forEach(user -> unlinkMember(t, id, user));
          children.forEach(child -> unlinkChild(t, id, child));
          parents.forEach(parent -> unlinkChild(t, parent, id));
          t.del(keys.group(id), keys.members(id), keys.memberGroups(id), keys.parentGroups(id));
          t.zrem(keys.groupIndex(), id);
          t.hdel(keys.created(ObjectType.GROUP), id);
          t.hdel(keys.modified(ObjectType.GROUP), id);
          append(t, Change.group(id, Operation.DELETE));
          t.incr(keys.version());
          return committed(t, true);
        });
  }

  @Override
  public boolean addMember(String groupId, String userId) {
    return redis.optimistic(
        "add " + userId + " to group " + groupId,
        j -> {
          j.watch(keys.group(groupId), keys.user(userId), keys.members(groupId));
          requireExists(j, keys.group(groupId), "group", groupId);
          requireExists(j, keys.user(userId), "user", userId);
          if (j.sismember(keys.members(groupId), userId)) return unwatched(j, false);
          Transaction t = j.multi();
          linkMember(t, groupId, userId);
          t.incr(keys.version());
          return committed(t, true);
        });
  }

  @Override
  public boolean removeMember(String groupId, String userId) {
    return unlink(
        "remove " + userId + " from group " + groupId,
        keys.members(groupId),
        userId,
        t -> unlinkMember(t, groupId, userId));
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
  public Map<String, Set<String>> groupsOf(Collection<String> userIds) {
    return sets("read groups of " + userIds.size() + " users", userIds, keys::groupsOf);
  }

  @Override
  public boolean addMemberGroup(String groupId, String childId) {
    return redis.optimistic(
        "nest group " + childId + " in " + groupId,
        j -> {
          j.watch(keys.group(groupId), keys.group(childId), keys.groupGraphVersion());
          requireAll(j, new LinkedHashSet<>(List.of(groupId, childId)), keys::group, "group");
          if (j.sismember(keys.memberGroups(groupId), childId)) return unwatched(j, false);
          requireNestable(j, groupId, Set.of(childId));
          Transaction t = j.multi();
          linkChild(t, groupId, childId);
          t.incr(keys.version());
          return committed(t, true);
        });
  }

  @Override
  public boolean removeMemberGroup(String groupId, String childId) {
    return unlink(
        "un-nest group " + childId + " from " + groupId,
        keys.memberGroups(groupId),
        childId,
        t -> unlinkChild(t, groupId, childId));
  }

  /**
   * Removes {@code id} from the set {@code setKey} with {@code unlink}, when it is in it; false
   * when not.
   */
  private boolean unlink(String what, String setKey, String id, Consumer<Transaction> unlink) {
    return redis.optimistic(
        what,
        j -> {
          j.watch(setKey);
          if (!j.sismember(setKey, id)) return unwatched(j, false);
          Transaction t = j.multi();
          unlink.accept(t);
          t.incr(keys.version());
          return committed(t, true);
        });
  }

  @Override
  public Map<String, Set<String>> memberGroups(Collection<String> groupIds) {
    return sets(
        "read member groups of " + groupIds.size() + " groups", groupIds, keys::memberGroups);
  }

  @Override
  public Map<String, Set<String>> parentGroups(Collection<String> groupIds) {
    return sets("read parents of " + groupIds.size() + " groups", groupIds, keys::parentGroups);
  }

  @Override
  public Map<String, Set<String>> membersByGroup(Collection<String> groupIds) {
    return sets("read members of " + groupIds.size() + " groups", groupIds, keys::members);
  }

  @Override
  public Set<String> members(Collection<String> groupIds) {
    Set<String> union = new HashSet<>();
    sets("read members of " + groupIds.size() + " groups", groupIds, keys::members)
        .values()
        .forEach(union::addAll);
    return union;
  }

  @Override
  public long groupGraphVersion() {
    String value = redis.call("read the group graph version", j -> j.get(keys.groupGraphVersion()));
    return value == null ? 0 : Long.parseLong(value);
  }

  private Map<String, Set<String>> sets(
      String what, Collection<String> ids, Function<String, String> key) {
    if (ids.isEmpty()) return Map.of();
    return redis.call(what, j -> smembers(j, ids, key));
  }

  /**
   * One SMEMBERS per id, pipelined: one round trip (also inside a WATCH: the connection stays the
   * same).
   */
  private static Map<String, Set<String>> smembers(
      Jedis j, Collection<String> ids, Function<String, String> key) {
    List<String> order = List.copyOf(new LinkedHashSet<>(ids));
    Pipeline pipeline = j.pipelined();
    List<Response<Set<String>>> replies =
        order.stream().map(id -> pipeline.smembers(key.apply(id))).toList();
    pipeline.sync();
    Map<String, Set<String>> sets = new HashMap<>();
    for (int i = 0; i < order.size(); i++) sets.put(order.get(i), replies.get(i).get());
    return sets;
  }

  /** Records that the group changed now (its object, members or member groups). */
  private void touchGroup(Transaction t, String groupId) {
    t.hset(keys.modified(ObjectType.GROUP), groupId, Long.toString(clock.millis()));
  }

  private void linkMember(Transaction t, String groupId, String userId) {
    touchGroup(t, groupId);
    t.sadd(keys.members(groupId), userId);
    t.sadd(keys.groupsOf(userId), groupId);
    append(t, Change.membership(groupId, userId, Operation.UPSERT));
  }

  private void unlinkMember(Transaction t, String groupId, String userId) {
    touchGroup(t, groupId);
    t.srem(keys.members(groupId), userId);
    t.srem(keys.groupsOf(userId), groupId);
    append(t, Change.membership(groupId, userId, Operation.DELETE));
  }

  private void linkChild(Transaction t, String groupId, String childId) {
    touchGroup(t, groupId);
    t.sadd(keys.memberGroups(groupId), childId);
    t.sadd(keys.parentGroups(childId), groupId);
    t.incr(keys.groupGraphVersion());
    append(t, Change.memberGroup(groupId, childId, Operation.UPSERT));
  }

  private void unlinkChild(Transaction t, String groupId, String childId) {
    touchGroup(t, groupId);
    t.srem(keys.memberGroups(groupId), childId);
    t.srem(keys.parentGroups(childId), groupId);
    t.incr(keys.groupGraphVersion());
    append(t, Change.memberGroup(groupId, childId, Operation.DELETE));
  }

  @Override
  public Page<String> userIds(@Nullable String cursor, int limit) {
    return redis.call("page user ids", j -> RedisPages.byLex(j, keys.userIndex(), cursor, limit));
  }

  @Override
  public Page<String> groupIds(@Nullable String cursor, int limit) {
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

  /** The group upsert change also stands for its membership changes: the group is synced whole. */
  private void writeGroup(Transaction t, DirectoryGroup group) {
    t.set(keys.group(group.id()), RedisJson.write(group));
    t.zadd(keys.groupIndex(), 0, group.id());
    t.hsetnx(keys.created(ObjectType.GROUP), group.id(), Long.toString(clock.millis()));
    touchGroup(t, group.id());
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
  /** The object stored at {@code key}, if any; {@code what} names it in a failure. */
  private <T> Optional<T> loadOne(String what, String key, Class<T> type) {
    return Optional.ofNullable(RedisJson.read(redis.call("get " + what, j -> j.get(key)), type));
  }

  /** One ZMSCORE on the type's index (its entries are written with the objects). */
  @Override
  public Set<String> present(ObjectType type, Collection<String> ids) {
    if (ids.isEmpty()) return Set.of();
    List<String> asked = List.copyOf(ids);
    String index = type == ObjectType.USER ? keys.userIndex() : keys.groupIndex();
    List<Double> scores =
        redis.call(
            "check " + asked.size() + " " + type.label() + "s",
            j -> j.zmscore(index, asked.toArray(String[]::new)));
    Set<String> present = new HashSet<>();
    for (int i = 0; i < asked.size(); i++) if (scores.get(i) != null) present.add(asked.get(i));
    return present;
  }

  private <T> List<T> load(Collection<String> ids, Function<String, String> key, Class<T> type) {
    if (ids.isEmpty()) return List.of();
    List<String> json =
        redis.call(
            "load " + ids.size() + " " + type.getSimpleName() + "s",
            j -> j.mget(ids.stream().map(key).toArray(String[]::new)));
    List<T> found = new ArrayList<>(json.size());
    for (String each : json) {
      if (each != null) found.add(RedisJson.read(each, type));
    }
    return found;
  }
}
