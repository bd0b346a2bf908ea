package io.scimfleet.job.jobrunr;

import java.util.List;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The Lua scripts of {@link RedisStorageProvider}: each job state transition, fetch and clean-up is
 * one round trip. Keys are built inside from the prefix (the first argument): the storage runs on
 * one Redis (or a primary with replicas), not on Redis Cluster.
 *
 * <p>A job is a hash {@code <prefix>job:<id>}: {@code j} its JSON, {@code v} its version, {@code s}
 * its state, {@code u} its updatedAt (µs), {@code r} its recurring job id, {@code g} its signature,
 * {@code l} the time of its last schedulable state (µs), {@code c} a server's claim on it while
 * enqueued ({@link #CLAIM}, empty after any save). Indexes: {@code state:<STATE>} (sorted on
 * updatedAt), {@code scheduled} (scheduled jobs, sorted on their time), {@code runs:<recurring id>}
 * (the jobs a recurring job made). A job that becomes ENQUEUED is announced on the channel {@code
 * <prefix>work}.
 */
// the SHA is a cache of what Redis computes from the source; losing it costs one SCRIPT LOAD
@SuppressWarnings("ImmutableEnumChecker")
enum RedisJobScripts {
  /**
   * Saves jobs whose stored version is the expected one (and ends any claim on them, {@link
   * #CLAIM}); returns the 1-based positions of the others. Per job, ten arguments: id, expected
   * version, new version, JSON, state, updatedAt, scheduledAt (or empty), recurring job id (or
   * empty), signature, last schedulable time (or empty).
   */
  SAVE(
      """
      local p = ARGV[1]
      local n = tonumber(ARGV[2])
      local conflicts = {}
      local enqueued = false
      for i = 0, n - 1 do
        local a = 3 + i * 10
        local id = ARGV[a]
        local key = p .. 'job:' .. id
        local current = redis.call('HMGET', key, 'v', 's')
        local ok
        if current[1] then ok = tonumber(current[1]) == tonumber(ARGV[a + 1])
        else ok = tonumber(ARGV[a + 1]) == 0 end
        if not ok then
          conflicts[#conflicts + 1] = i + 1
        else
          local state = ARGV[a + 4]
          local old = current[2]
          if old and old ~= state then redis.call('ZREM', p .. 'state:' .. old, id) end
          if old == 'SCHEDULED' and ARGV[a + 6] == '' then redis.call('ZREM', p .. 'scheduled', id) end
          redis.call('HSET', key, 'j', ARGV[a + 3], 'v', ARGV[a + 2], 's', state, 'u', ARGV[a + 5],
            'r', ARGV[a + 7], 'g', ARGV[a + 8], 'l', ARGV[a + 9], 'c', '')
          redis.call('ZADD', p .. 'state:' .. state, ARGV[a + 5], id)
          if ARGV[a + 6] ~= '' then redis.call('ZADD', p .. 'scheduled', ARGV[a + 6], id) end
          if ARGV[a + 7] ~= '' and not old then redis.call('SADD', p .. 'runs:' .. ARGV[a + 7], id) end
          if state == 'ENQUEUED' and old ~= 'ENQUEUED' then enqueued = true end
        end
      end
      if enqueued then redis.call('PUBLISH', p .. 'work', '1') end
      return conflicts
      """),

  /**
   * The JSON of the jobs in a state with updatedAt in [min, max], a page in the given direction.
   * Arguments: prefix, state, min, max, offset, count, "1" for newest first.
   */
  LIST(
      Lua.JSON_OF
          + """
      local p = ARGV[1]
      local index = p .. 'state:' .. ARGV[2]
      local ids
      if ARGV[7] == '1' then
        ids = redis.call('ZRANGE', index, ARGV[4], ARGV[3], 'BYSCORE', 'REV', 'LIMIT', ARGV[5], ARGV[6])
      else
        ids = redis.call('ZRANGE', index, ARGV[3], ARGV[4], 'BYSCORE', 'LIMIT', ARGV[5], ARGV[6])
      end
      return jsonOf(p, ids)
      """),

  /**
   * Claims up to count enqueued jobs, oldest first, that no other server holds a live claim on, and
   * returns their JSON. A claim is the job's field {@code c}, {@code <expiry ms>:<server id>}
   * (Redis time): a server that dies before it saves its jobs loses nothing, they are claimable
   * again after the lease. Arguments: prefix, server id, count, lease (ms).
   */
  CLAIM(
      Lua.CLAIMABLE
          + """
      local p = ARGV[1]
      local want = tonumber(ARGV[3])
      local time = redis.call('TIME')
      local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
      local claim = (now + tonumber(ARGV[4])) .. ':' .. ARGV[2]
      local out = {}
      local page = math.max(want, 16)
      local first = 0
      while #out < want do
        local ids = redis.call('ZRANGE', p .. 'state:ENQUEUED', first, first + page - 1)
        if #ids == 0 then break end
        for _, id in ipairs(ids) do
          local key = p .. 'job:' .. id
          local job = redis.call('HMGET', key, 'c', 'j')
          if job[2] and claimable(job[1], now, ARGV[2]) then
            redis.call('HSET', key, 'c', claim)
            out[#out + 1] = job[2]
            if #out == want then break end
          end
        end
        first = first + page
      end
      return out
      """),

  /**
   * Ends this server's claims on jobs it leaves (another server may claim them at once); a claim
   * that is not its own is kept. Arguments: prefix, server id, job ids...
   */
  RELEASE(
      """
      local p = ARGV[1]
      local suffix = ':' .. ARGV[2]
      for i = 3, #ARGV do
        local key = p .. 'job:' .. ARGV[i]
        local claim = redis.call('HGET', key, 'c')
        if claim and string.sub(claim, -#suffix) == suffix then redis.call('HSET', key, 'c', '') end
      end
      return 0
      """),

  /** The JSON of scheduled jobs due before a time. Arguments: prefix, max, offset, count. */
  DUE(
      Lua.JSON_OF
          + """
      local p = ARGV[1]
      local ids = redis.call('ZRANGE', p .. 'scheduled', '-inf', ARGV[2], 'BYSCORE', 'LIMIT', ARGV[3], ARGV[4])
      return jsonOf(p, ids)
      """),

  /** Removes one job and its index entries; returns 1, or 0 when there was none. */
  DELETE(
      Lua.UNINDEX
          + """
      local key = unindex(ARGV[1], ARGV[2])
      if not key then return 0 end
      redis.call('DEL', key)
      return 1
      """),

  /**
   * Sets a job aside whose data the fleet refuses: its hash moves to {@code refused:<id>} (kept for
   * a look), out of every index. Returns 1, or 0 when it was gone.
   */
  REFUSE(
      Lua.UNINDEX
          + """
      local key = unindex(ARGV[1], ARGV[2])
      if not key then return 0 end
      redis.call('RENAME', key, ARGV[1] .. 'refused:' .. ARGV[2])
      return 1
      """),

  /**
   * Removes up to count jobs in a state updated before a time; returns how many. Arguments: prefix,
   * state, max, count.
   */
  DELETE_IN_STATE(
      """
      local p = ARGV[1]
      local index = p .. 'state:' .. ARGV[2]
      local ids = redis.call('ZRANGE', index, '-inf', ARGV[3], 'BYSCORE', 'LIMIT', 0, ARGV[4])
      for _, id in ipairs(ids) do
        local key = p .. 'job:' .. id
        local recurring = redis.call('HGET', key, 'r')
        if recurring and recurring ~= '' then redis.call('SREM', p .. 'runs:' .. recurring, id) end
        redis.call('ZREM', p .. 'scheduled', id)
        redis.call('ZREM', index, id)
        redis.call('DEL', key)
      end
      return #ids
      """),

  /** The distinct signatures of the jobs in the given states. Arguments: prefix, states... */
  SIGNATURES(
      """
      local p = ARGV[1]
      local seen = {}
      local out = {}
      for i = 2, #ARGV do
        for _, id in ipairs(redis.call('ZRANGE', p .. 'state:' .. ARGV[i], 0, -1)) do
          local signature = redis.call('HGET', p .. 'job:' .. id, 'g')
          if signature and not seen[signature] then
            seen[signature] = true
            out[#out + 1] = signature
          end
        end
      end
      return out
      """),

  /**
   * State and last schedulable time of each job a recurring job made, flat. Arguments: prefix,
   * recurring job id.
   */
  RUNS(
      """
      local p = ARGV[1]
      local out = {}
      for _, id in ipairs(redis.call('SMEMBERS', p .. 'runs:' .. ARGV[2])) do
        local job = redis.call('HMGET', p .. 'job:' .. id, 's', 'l')
        if job[1] then
          out[#out + 1] = job[1]
          out[#out + 1] = job[2] or ''
        end
      end
      return out
      """),

  /** The sum of the recurring jobs' createdAt (ms), 0 without any. Arguments: prefix. */
  RECURRING_HASH(
      """
      local sum = 0
      for _, created in ipairs(redis.call('HVALS', ARGV[1] .. 'recurring:created')) do
        sum = sum + tonumber(created)
      end
      return tostring(sum)
      """),

  /**
   * Updates a server's heartbeat when it is registered; returns -1 when it is not (timed out), else
   * 1 when it runs, 0 when not. Arguments: prefix, id, then field/value pairs.
   */
  HEARTBEAT(
      """
      local key = ARGV[1] .. 'server:' .. ARGV[2]
      if redis.call('EXISTS', key) == 0 then return -1 end
      redis.call('HSET', key, unpack(ARGV, 3))
      if redis.call('HGET', key, 'running') == '1' then return 1 end
      return 0
      """),

  /** Removes servers whose last heartbeat is older than a time (µs); returns how many. */
  REMOVE_TIMED_OUT(
      """
      local p = ARGV[1]
      local removed = 0
      for _, id in ipairs(redis.call('ZRANGE', p .. 'servers', 0, -1)) do
        local last = redis.call('HGET', p .. 'server:' .. id, 'lastHeartbeat')
        if not last or tonumber(last) < tonumber(ARGV[2]) then
          redis.call('DEL', p .. 'server:' .. id)
          redis.call('ZREM', p .. 'servers', id)
          removed = removed + 1
        end
      end
      return removed
      """);

  /**
   * Lua functions that more than one script needs, defined once and put in front of each script
   * that calls them (a script can't call another).
   */
  private static final class Lua {
    /** {@code jsonOf(p, ids)}: the JSON of each of these jobs that still exists, in order. */
    static final String JSON_OF =
        """
        local function jsonOf(p, ids)
          local out = {}
          for _, id in ipairs(ids) do
            local json = redis.call('HGET', p .. 'job:' .. id, 'j')
            if json then out[#out + 1] = json end
          end
          return out
        end
        """;

    /**
     * {@code unindex(p, id)}: takes the job out of its state index, the scheduled index and its
     * recurring job's runs, and returns the key of its hash (left in place); nil (and nothing done)
     * when the job is gone.
     */
    static final String UNINDEX =
        """
        local function unindex(p, id)
          local key = p .. 'job:' .. id
          local job = redis.call('HMGET', key, 's', 'r')
          if not job[1] then return nil end
          redis.call('ZREM', p .. 'state:' .. job[1], id)
          redis.call('ZREM', p .. 'scheduled', id)
          if job[2] and job[2] ~= '' then redis.call('SREM', p .. 'runs:' .. job[2], id) end
          return key
        end
        """;

    /**
     * {@code claimable(claim, now, server)}: true when the job has no claim, or its claim ran out,
     * or it is this server's own.
     */
    static final String CLAIMABLE =
        """
        local function claimable(claim, now, server)
          if not claim or claim == '' then return true end
          local at = string.find(claim, ':', 1, true)
          if not at then return true end
          return tonumber(string.sub(claim, 1, at - 1)) <= now or string.sub(claim, at + 1) == server
        end
        """;

    private Lua() {}
  }

  private final String source;
  private volatile @Nullable String sha;

  RedisJobScripts(String source) {
    this.source = source;
  }

  /** Runs the script by its SHA, loading it first when Redis doesn't know it (after a restart). */
  Object run(Jedis jedis, List<String> arguments) {
    String known = sha;
    if (known != null) {
      try {
        return jedis.evalsha(known, List.of(), arguments);
      } catch (JedisNoScriptException restarted) {
        // loaded again below
      }
    }
    sha = jedis.scriptLoad(source);
    return jedis.evalsha(sha, List.of(), arguments);
  }
}
