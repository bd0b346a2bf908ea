package io.scimfleet.scheduler.console;

import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.HeldDeletion;
import io.scimfleet.model.Provider;
import io.scimfleet.model.Quarantine;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One provider's health: settings at a glance, the last run, the run in progress, quarantine and
 * held deletions with their {@code Release} and {@code Discard} forms. The console polls it every
 * few seconds; the buttons keep their ids, so htmx keeps the keyboard focus on them across swaps.
 */
final class ProviderStatusView {
  private ProviderStatusView() {}

  /** The element that holds the status and reloads it every {@code seconds}. */
  static String live(ProviderSummary s, Session session, Instant now) {
    return "<div class=\"live\" hx-get=\"/ui/live/providers/"
        + Html.url(s.name())
        + "\" hx-trigger=\"every "
        + ConsoleRoutes.POLL_SECONDS
        + "s\" hx-swap=\"innerHTML\">"
        + render(s, session, now)
        + "</div>";
  }

  static String render(ProviderSummary s, Session session, Instant now) {
    Provider p = s.provider();
    return "<dl class=\"facts\">"
        + fact("Enabled", p.enabled() ? "yes" : "no")
        + fact("Target host", p.baseUrl().getHost())
        + fact("Profile", p.profile().wireName())
        + lastRun(s.last(), now)
        + running(s.running(), now)
        + fact("Pending jobs", s.pendingJobs())
        + quarantine(s.quarantine(), now)
        + "</dl>"
        + held(s, session);
  }

  private static String lastRun(@Nullable FullSyncRun last, Instant now) {
    if (last == null) return fact("Last run", "none yet");
    return "<dt>Last run</dt><dd>"
        + statusWord(last.status())
        + " "
        + Html.escape(Show.time(last.finishedAt()))
        + " · took "
        + Html.escape(Show.duration(last, now))
        + "<br>"
        + Html.escape(Show.counts(last.counts()))
        + (last.message() == null ? "" : "<br>" + Html.escape(last.message()))
        + "</dd>";
  }

  private static String running(@Nullable FullSyncRun run, Instant now) {
    if (run == null) return fact("Running", "no");
    return "<dt>Running</dt><dd class=\"running\">"
        + Html.escape(Show.progress(run))
        + " · "
        + Html.escape(Show.duration(run, now))
        + "<br>"
        + Html.escape(Show.counts(run.counts()))
        + "</dd>";
  }

  private static String quarantine(@Nullable Quarantine q, Instant now) {
    if (q == null) return fact("Quarantine", "none");
    String state = q.pausing(now) ? "paused until " : "probing since ";
    return fact("Quarantine", state + Show.time(q.until()) + ": " + q.reason());
  }

  /** The status word as a badge: {@code SUCCEEDED}, {@code FAILED}, … */
  static String statusWord(FullSyncRun.Status status) {
    return "<span class=\"badge badge-"
        + status.name().toLowerCase(Locale.ROOT)
        + "\">"
        + status.name()
        + "</span>";
  }

  private static String held(ProviderSummary s, Session session) {
    if (s.held() == 0) return "<p class=\"held\">Held deletions: none</p>";
    StringBuilder rows = new StringBuilder();
    for (HeldDeletion h : s.firstHeld()) {
      rows.append("<li>")
          .append(Html.escape(h.type().label() + " " + h.objectId()))
          .append(h.remoteId() == null ? "" : " (remote id " + Html.escape(h.remoteId()) + ")")
          .append(", held since ")
          .append(Html.escape(Show.time(h.heldAt())))
          .append("</li>");
    }
    String more =
        s.held() > s.firstHeld().size() ? "<p>… and more (the oldest are shown).</p>" : "";
    String base = "/ui/providers/" + Html.url(s.name()) + "/deletions/";
    return "<div class=\"held\"><p><strong>Held deletions: "
        + s.held()
        + "</strong></p><ul>"
        + rows
        + "</ul>"
        + more
        + "<div class=\"actions\">"
        + button(base + "release", "Release", "release-" + s.name(), session)
        + button(base + "discard", "Discard", "discard-" + s.name(), session)
        + "</div></div>";
  }

  static String button(String action, String label, String id, Session session) {
    return "<form method=\"post\" action=\""
        + action
        + "\" class=\"inline\">"
        + Layout.csrfField(session)
        + "<button type=\"submit\" id=\""
        + Html.escape(id)
        + "\">"
        + Html.escape(label)
        + "</button></form>";
  }

  static String fact(String term, Object value) {
    return "<dt>" + Html.escape(term) + "</dt><dd>" + Html.escape(value) + "</dd>";
  }
}
