package io.scimfleet.scheduler.console;

import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.SyncCounts;
import io.scimfleet.model.SyncOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** How the console writes times, durations, counts and progress; plain text, escaped by callers. */
final class Show {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Show() {}

  static String time(@Nullable Instant at) {
    return at == null ? "—" : TIME.format(at);
  }

  static String duration(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) return s + " s";
    if (s < 3600) return s / 60 + " min " + s % 60 + " s";
    return s / 3600 + " h " + s % 3600 / 60 + " min";
  }

  /** How long the run took, or has taken until {@code now}. */
  static String duration(FullSyncRun run, Instant now) {
    Instant end = run.finishedAt() == null ? now : run.finishedAt();
    return duration(Duration.between(run.startedAt(), end));
  }

  /** The non-zero counts: {@code created 3, unchanged 40}; {@code none} when all are zero. */
  static String counts(SyncCounts counts) {
    String text =
        counts.asMap().entrySet().stream()
            .filter(e -> e.getValue() != 0)
            .map(Show::count)
            .collect(Collectors.joining(", "));
    return text.isEmpty() ? "none" : text;
  }

  /** {@code users: page 3 of 10}, or the phase when it has no pages. */
  static String progress(FullSyncRun run) {
    int pages = run.userPages() + run.groupPages();
    String phase = run.phase().name().toLowerCase(java.util.Locale.ROOT);
    if (pages == 0) return phase;
    return phase + ": " + run.pagesDone() + " of " + pages + " pages";
  }

  private static String count(Map.Entry<SyncOutcome, Long> e) {
    return e.getKey().label() + " " + e.getValue();
  }
}
