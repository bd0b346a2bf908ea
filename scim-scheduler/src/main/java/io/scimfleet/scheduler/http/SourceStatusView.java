package io.scimfleet.scheduler.http;

import io.scimfleet.model.ObjectType;
import io.scimfleet.scheduler.source.SourceStatus;
import io.scimfleet.scheduler.source.SourceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/sources/{name}/status}, and the console's Sources page: whether it is healthy,
 * what the last reads found, and the deletions its guard holds.
 *
 * @param state {@code ok}, {@code failing}, {@code holding} (deletions held), {@code pending} (not
 *     read yet), {@code disabled} or {@code removed} (deleted, deletions still held)
 */
public record SourceStatusView(
    String name,
    String state,
    @Nullable String mode,
    @Nullable String announced,
    long users,
    long groups,
    int skipped,
    @Nullable Instant lastFullRead,
    @Nullable Double lastFullReadSeconds,
    @Nullable Instant lastPoll,
    @Nullable Instant lastChange,
    @Nullable String lastError,
    @Nullable Instant lastErrorAt,
    @Nullable Instant failingSince,
    @Nullable String readBy,
    List<String> writeErrors,
    Held deletionsHeld) {
  static final int FIRST = 10;

  /** Held deletions: how many of each type and the first few. */
  public record Held(long count, long users, long groups, List<HeldObject> first) {}

  public record HeldObject(String type, String id, String dn) {}

  public static SourceStatusView of(
      String name, @Nullable Boolean enabled, @Nullable SourceStatus status, SourceStore store) {
    Held held = held(name, store);
    SourceStatus s = status == null ? SourceStatus.initial() : status;
    return new SourceStatusView(
        name,
        state(enabled, status, held),
        s.mode(),
        s.announced(),
        s.users(),
        s.groups(),
        s.skipped(),
        s.lastFullRead(),
        s.lastFullReadSeconds(),
        s.lastPoll(),
        s.lastChange(),
        s.lastError(),
        s.lastErrorAt(),
        s.failingSince(),
        s.readBy(),
        s.writeErrors(),
        held);
  }

  private static String state(@Nullable Boolean enabled, @Nullable SourceStatus status, Held held) {
    if (enabled == null) return "removed";
    if (!enabled) return "disabled";
    if (status != null && status.lastError() != null) return "failing";
    if (held.count() > 0) return "holding";
    return status == null || status.lastFullRead() == null ? "pending" : "ok";
  }

  private static Held held(String name, SourceStore store) {
    Map<String, String> users = store.held(name, ObjectType.USER);
    Map<String, String> groups = store.held(name, ObjectType.GROUP);
    List<HeldObject> first = new ArrayList<>();
    groups.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .limit(FIRST)
        .forEach(e -> first.add(new HeldObject("group", e.getKey(), e.getValue())));
    users.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .limit(FIRST - first.size())
        .forEach(e -> first.add(new HeldObject("user", e.getKey(), e.getValue())));
    return new Held((long) users.size() + groups.size(), users.size(), groups.size(), first);
  }
}
