package io.scimfleet.scheduler.console;

import io.scimfleet.model.FullSyncRun;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A provider's run in progress and its last finished runs, newest first; polled live. */
final class RunsTable {
  private RunsTable() {}

  static String live(
      String provider, @Nullable FullSyncRun running, List<FullSyncRun> runs, Instant now) {
    return "<div class=\"live\" hx-get=\"/ui/live/providers/"
        + Html.url(provider)
        + "/runs\" hx-trigger=\"every "
        + ConsoleRoutes.POLL_SECONDS
        + "s\" hx-swap=\"innerHTML\">"
        + render(running, runs, now)
        + "</div>";
  }

  static String render(@Nullable FullSyncRun running, List<FullSyncRun> runs, Instant now) {
    if (running == null && runs.isEmpty()) return "<p>No run yet.</p>";
    StringBuilder rows = new StringBuilder();
    if (running != null) rows.append(row(running, now));
    runs.forEach(run -> rows.append(row(run, now)));
    return "<div class=\"scroll\" role=\"region\" aria-label=\"Runs\" tabindex=\"0\">"
        + "<table><thead><tr><th scope=\"col\">Started</th><th scope=\"col\">Status</th>"
        + "<th scope=\"col\">Duration</th><th scope=\"col\">Counts</th>"
        + "<th scope=\"col\">Message</th></tr></thead><tbody>"
        + rows
        + "</tbody></table></div>";
  }

  private static String row(FullSyncRun run, Instant now) {
    String status =
        ProviderStatusView.statusWord(run.status())
            + (run.running() ? " " + Html.escape(Show.progress(run)) : "");
    return "<tr><td>"
        + Html.escape(Show.time(run.startedAt()))
        + "</td><td>"
        + status
        + "</td><td>"
        + Html.escape(Show.duration(run, now))
        + "</td><td>"
        + Html.escape(Show.counts(run.counts()))
        + "</td><td>"
        + Html.escape(run.message())
        + "</td></tr>";
  }
}
