package io.scimfleet.scheduler.console;

import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.SyncAttempt;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One user or group on every provider: its state, remote id and last error there, its last
 * attempts, and {@code Sync now}. Each provider's part is polled live.
 */
final class ObjectPage {
  private ObjectPage() {}

  static String link(ObjectRef ref) {
    return "<a href=\""
        + path(ref)
        + "\">"
        + Html.escape(ref.type().label() + " " + ref.name())
        + "</a> <span class=\"muted\">(id "
        + Html.escape(ref.id())
        + ")</span>";
  }

  /** {@code /ui/objects/user/u1}, escaped. */
  static String path(ObjectRef ref) {
    return "/ui/objects/" + ref.type().label() + "/" + Html.url(ref.id());
  }

  static String render(
      ObjectRef ref, List<ObjectOnProvider> providers, Session session, @Nullable String notice) {
    StringBuilder body =
        new StringBuilder("<p>Id <code>").append(Html.escape(ref.id())).append("</code></p>");
    if (providers.isEmpty()) body.append("<p>No provider yet.</p>");
    for (ObjectOnProvider on : providers) body.append(section(ref, on, session));
    String title = (ref.type().label().equals("user") ? "User " : "Group ") + ref.name();
    return Layout.page(title, session, notice, body.toString());
  }

  private static String section(ObjectRef ref, ObjectOnProvider on, Session session) {
    String name = on.provider().name();
    String live =
        "<div class=\"live\" hx-get=\""
            + path(ref)
            + "/on/"
            + Html.url(name)
            + "\" hx-trigger=\"every "
            + ConsoleRoutes.POLL_SECONDS
            + "s\" hx-swap=\"innerHTML\">"
            + onProvider(on)
            + "</div>";
    String sync =
        "<form method=\"post\" action=\""
            + path(ref)
            + "/sync\" class=\"inline\">"
            + Layout.csrfField(session)
            + "<input type=\"hidden\" name=\"provider\" value=\""
            + Html.escape(name)
            + "\"><button type=\"submit\" id=\"sync-"
            + Html.escape(name)
            + "\">Sync now</button></form>";
    return "<section class=\"card\"><h2>"
        + Html.escape(name)
        + "</h2>"
        + live
        + sync
        + "</section>";
  }

  /** The polled part: state, remote id, last error and the last attempts. */
  static String onProvider(ObjectOnProvider on) {
    ObjectSyncState s = on.state();
    String facts =
        s == null
            ? "<p>Never synced to this provider.</p>"
            : "<dl class=\"facts\">"
                + ProviderStatusView.fact("State", s.outcome() == null ? "—" : s.outcome().label())
                + ProviderStatusView.fact("Remote id", s.remoteId() == null ? "—" : s.remoteId())
                + ProviderStatusView.fact(
                    "Last error", s.lastError() == null ? "none" : s.lastError())
                + ProviderStatusView.fact("Last attempt", Show.time(s.time()))
                + "</dl>";
    return facts + attempts(on.attempts());
  }

  private static String attempts(List<SyncAttempt> attempts) {
    if (attempts.isEmpty()) return "<p>No attempt recorded.</p>";
    StringBuilder rows = new StringBuilder();
    for (SyncAttempt a : attempts) {
      rows.append("<tr><td>")
          .append(Html.escape(Show.time(a.time())))
          .append("</td><td>")
          .append(Html.escape(a.trigger().name().toLowerCase(java.util.Locale.ROOT)))
          .append("</td><td>")
          .append(Html.escape(a.outcome()))
          .append("</td><td>")
          .append(Html.escape(requests(a)))
          .append("</td><td>")
          .append(a.durationMs())
          .append(" ms</td><td>")
          .append(Html.escape(a.error()))
          .append("</td></tr>");
    }
    return "<div class=\"scroll\" role=\"region\" aria-label=\"Attempts\" tabindex=\"0\"><table>"
        + "<caption>Last attempts, newest first</caption><thead><tr>"
        + "<th scope=\"col\">Time</th><th scope=\"col\">Trigger</th><th scope=\"col\">Outcome</th>"
        + "<th scope=\"col\">Requests</th><th scope=\"col\">Duration</th>"
        + "<th scope=\"col\">Error</th></tr></thead><tbody>"
        + rows
        + "</tbody></table></div>";
  }

  private static String requests(SyncAttempt a) {
    if (a.requests().isEmpty()) return "none";
    return a.requests().stream()
        .map(r -> r.method() + " " + (r.status() < 0 ? "no answer" : r.status()))
        .collect(Collectors.joining(", "));
  }
}
