package io.scimfleet.store.redis;

import io.scimfleet.model.ObjectType;
import java.util.Objects;

/**
 * Builds every Redis key of the fleet's stores, all under one prefix (default {@value
 * #DEFAULT_PREFIX}), so that two fleets, or two test classes, can share one Redis. The layout is
 * described in {@code docs/stores.md}. A provider's name is wrapped in braces (a Redis Cluster hash
 * tag), so that all of one provider's keys would share a slot.
 */
public final class RedisKeys {
  public static final String DEFAULT_PREFIX = "scim:";

  private final String prefix;

  public RedisKeys(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (prefix.isBlank()) throw new IllegalArgumentException("the key prefix must not be blank");
    this.prefix = prefix;
  }

  public static RedisKeys withDefaultPrefix() {
    return new RedisKeys(DEFAULT_PREFIX);
  }

  public String prefix() {
    return prefix;
  }

  // --- directory ------------------------------------------------------------------------------

  /** String: incremented by every directory write. */
  public String version() {
    return prefix + "dir:version";
  }

  /** String: the user's JSON. */
  public String user(String id) {
    return prefix + "dir:user:" + id;
  }

  /** Sorted set, every score 0: all user ids, in lexical order for cursor paging. */
  public String userIndex() {
    return prefix + "dir:users";
  }

  /** Hash: a username as compared (lower case) to the id of the user that holds it. */
  public String usernames() {
    return prefix + "dir:usernames";
  }

  /** String, present once {@link #usernames()} holds every user written before it existed. */
  public String usernamesComplete() {
    return prefix + "dir:usernames:complete";
  }

  /**
   * Hash: a user's id to its entry in {@link #usernames()} (the reverse, to clear it on rename).
   */
  public String usernameOf() {
    return prefix + "dir:username-of";
  }

  /** Hash: an object's id to when it was first written, in epoch millis. */
  public String created(ObjectType type) {
    return prefix + "dir:created:" + type.label();
  }

  /** Hash: an object's id to when it last changed, in epoch millis. */
  public String modified(ObjectType type) {
    return prefix + "dir:modified:" + type.label();
  }

  public String group(String id) {
    return prefix + "dir:group:" + id;
  }

  public String groupIndex() {
    return prefix + "dir:groups";
  }

  /** Set: the user ids that are members of the group. */
  public String members(String groupId) {
    return prefix + "dir:members:" + groupId;
  }

  /** Set: the ids of the groups nested directly in the group (its member groups). */
  public String memberGroups(String groupId) {
    return prefix + "dir:subgroups:" + groupId;
  }

  /** Set: the ids of the groups the group is nested in (the reverse of {@link #memberGroups}). */
  public String parentGroups(String groupId) {
    return prefix + "dir:parents:" + groupId;
  }

  /** Counter bumped by every change to the nesting of groups. */
  public String groupGraphVersion() {
    return prefix + "dir:graph";
  }

  /** Set: the group ids the user is a member of (the reverse of {@link #members}). */
  public String groupsOf(String userId) {
    return prefix + "dir:memberof:" + userId;
  }

  /** Stream: the change feed. */
  public String changes() {
    return prefix + "changes";
  }

  // --- providers ------------------------------------------------------------------------------

  /** Hash: provider name to the provider's JSON. */
  public String providers() {
    return prefix + "providers";
  }

  // --- sync state -----------------------------------------------------------------------------

  /** Hash: object id to the object's sync state as compact JSON. */
  public String syncStates(String provider, ObjectType type) {
    return sync(provider) + "state:" + type.label();
  }

  /** Sorted set, every score 0: the object ids of {@link #syncStates}, for cursor paging. */
  public String syncIds(String provider, ObjectType type) {
    return sync(provider) + "ids:" + type.label();
  }

  /** String: the current full-sync run's JSON (without its counts). */
  public String currentRun(String provider) {
    return sync(provider) + "run";
  }

  /** String: the last finished run's JSON. */
  public String lastRun(String provider) {
    return sync(provider) + "lastrun";
  }

  /** List: the last finished runs' JSON, newest first, trimmed to {@code RECENT_RUNS}. */
  public String recentRuns(String provider) {
    return sync(provider) + "recentruns";
  }

  /**
   * Hash: each recorded page of one run to its place in the order the pages were recorded (1, 2,
   * …).
   */
  public String runPages(String provider, String runId) {
    return sync(provider) + "run:" + runId + ":pages";
  }

  /** Hash: outcome label to count, for one run. */
  public String runCounts(String provider, String runId) {
    return sync(provider) + "run:" + runId + ":counts";
  }

  /** Hash: object id to the attempt that sent its create, until its remote id is recorded. */
  public String createIntents(String provider, ObjectType type) {
    return sync(provider) + "intents:" + type.label();
  }

  /** Hash: each page of one run that failed to the number of its failures. */
  public String runFailures(String provider, String runId) {
    return sync(provider) + "run:" + runId + ":failures";
  }

  /** Hash ({@code runId}, {@code force}, {@code requestedAt}): the full sync that runs next. */
  public String followUp(String provider) {
    return sync(provider) + "followup";
  }

  /**
   * Hash: what the provider's drift checks remember ({@code lastFull}, {@code lastIncremental},
   * {@code fullRequested}, {@code incremental}, {@code since:<type>}, {@code unmanaged:<type>}).
   */
  public String driftMarks(String provider) {
    return sync(provider) + "drift";
  }

  /** List: the first errors of one run, capped. */
  public String runErrors(String provider, String runId) {
    return sync(provider) + "run:" + runId + ":errors";
  }

  /** A SCAN pattern matching every sync-state key of the provider, and nothing else. */
  public String syncPattern(String provider) {
    return escapeGlob(sync(provider)) + "*";
  }

  // --- deletion guard -------------------------------------------------------------------------

  /**
   * Sorted set: {@code type:objectId} of every removal counted in the provider's window, scored by
   * epoch millis.
   */
  public String deletionWindow(String provider) {
    return prefix + "deletions:{" + provider + "}:window";
  }

  /**
   * Sorted set: the removals of {@link #deletionWindow} that took an object off the target
   * (deletes).
   */
  public String deletionWindowLeft(String provider) {
    return prefix + "deletions:{" + provider + "}:left";
  }

  /**
   * Sorted set: {@code type:objectId} of every held removal, scored by when it was first held
   * (epoch millis).
   */
  public String deletionsHeld(String provider) {
    return prefix + "deletions:{" + provider + "}:held";
  }

  /** Hash: {@code type:objectId} of a held removal to its remote id. */
  public String deletionRemoteIds(String provider) {
    return prefix + "deletions:{" + provider + "}:remote";
  }

  // --- passwords ----------------------------------------------------------------------------

  /**
   * String: the user's pending password, sealed for that user ({@code sealed:v2:...}), with the
   * password TTL as its expiry.
   */
  public String password(String userId) {
    return prefix + "pw:" + userId;
  }

  /**
   * Hash: the bookkeeping of the user's pending password, no secret in it: {@code change} (its id),
   * {@code expires} (epoch millis), {@code wanted} and {@code done} (comma-separated provider
   * names). It outlives the password by {@code RedisPasswordStore.KEEP_STATE}, so that a drop can
   * be recorded.
   */
  public String passwordState(String userId) {
    return prefix + "pwstate:" + userId;
  }

  /** Sorted set: user ids with a pending password, scored by when its time is up (epoch millis). */
  public String passwordExpiries() {
    return prefix + "pwexpiries";
  }

  // --- coalescing and locks -------------------------------------------------------------------

  /**
   * Sorted set: {@code type:objectId} of every pending job of the provider, scored by epoch millis.
   */
  public String pending(String provider) {
    return prefix + "pending:{" + provider + "}";
  }

  /** String: the token of the lock's holder, with the lease as its expiry. */
  public String lock(String provider, ObjectType type, String objectId) {
    return prefix + "lock:{" + provider + "}:" + type.label() + ":" + objectId;
  }

  /**
   * Hash ({@code csrf}, {@code notice}) with the idle time as TTL: one admin console session, by
   * the SHA-256 of its id.
   */
  public String consoleSession(String idHash) {
    return prefix + "console:session:" + idHash;
  }

  /** String: the JSON report of one target probe, with its TTL. */
  public String probe(String provider, String probeId) {
    return prefix + "probe:{" + provider + "}:" + probeId;
  }

  /** String: the provider's {@link io.scimfleet.model.Quarantine} as JSON, while it has one. */
  public String quarantine(String provider) {
    return prefix + "quarantine:{" + provider + "}";
  }

  /**
   * Bucket4j's token bucket of a provider's rate limit; the limit is part of the key, so a new
   * limit starts afresh.
   */
  public String rateLimit(String provider, int requestsPerMinute) {
    return prefix + "ratelimit:{" + provider + "}:" + requestsPerMinute;
  }

  // --- per-object history --------------------------------------------------------------------

  /**
   * List: the object's last sync attempts as JSON, newest first, trimmed to {@link
   * io.scimfleet.store.ObjectHistory#KEPT}.
   */
  public String history(String provider, ObjectType type, String objectId) {
    return prefix + "history:{" + provider + "}:" + type.label() + ":" + objectId;
  }

  /** A SCAN pattern matching every history key of the provider, and nothing else. */
  public String historyPattern(String provider) {
    return escapeGlob(prefix + "history:{" + provider + "}:") + "*";
  }

  // --- adaptive concurrency ------------------------------------------------------------------

  /**
   * Hash: the fleet's learned concurrency limit of a target host ({@code limit}, {@code
   * decreasedAt}).
   */
  public String adaptiveLimit(String host) {
    return prefix + "adaptive:{" + host + "}:limit";
  }

  /** Sorted set: the workers that reported on the host, scored by when (epoch millis). */
  public String adaptiveWorkers(String host) {
    return prefix + "adaptive:{" + host + "}:workers";
  }

  // --- deprovisioning receipts ---------------------------------------------------------------

  /**
   * Hash: a user's receipts, provider name to JSON, and {@code ~deleted} (epoch millis) once the
   * user left the directory; it expires after the retention from then on.
   */
  public String receipts(String userId) {
    return prefix + "receipts:user:" + userId;
  }

  /** Sorted set, every score 0: the ids of the users with receipts, for cursor paging. */
  public String receiptUsers() {
    return prefix + "receipts:users";
  }

  private String sync(String provider) {
    return prefix + "sync:{" + provider + "}:";
  }

  static String escapeGlob(String text) {
    return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
  }
}
