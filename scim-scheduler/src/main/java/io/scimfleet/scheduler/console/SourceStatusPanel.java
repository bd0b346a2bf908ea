package io.scimfleet.scheduler.console;

import io.scimfleet.scheduler.http.SourceStatusView;
import io.scimfleet.scheduler.source.Source;
import java.net.URI;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One source's status: settings at a glance (hosts only, never the bind DN's password), state,
 * counts, last reads, the last error and the held deletions with their {@code Release} and {@code
 * Discard} forms. The Sources page polls it every few seconds; the buttons keep their ids.
 */
final class SourceStatusPanel {
  private SourceStatusPanel() {}

  /** The element that holds the status and reloads it every few seconds. */
  static String live(SourceSummary s, Session session) {
    return "<div class=\"live\" hx-get=\"/ui/live/sources/"
        + Html.url(s.name())
        + "\" hx-trigger=\"every "
        + ConsoleRoutes.POLL_SECONDS
        + "s\" hx-swap=\"innerHTML\">"
        + render(s, session)
        + "</div>";
  }

  static String render(SourceSummary s, Session session) {
    Source source = s.source();
    SourceStatusView v = s.status();
    return "<dl class=\"facts\">"
        + ProviderStatusView.fact("Type", Source.TYPE)
        + ProviderStatusView.fact("Enabled", source.enabled() ? "yes" : "no")
        + ProviderStatusView.fact("Hosts", hosts(source))
        + ProviderStatusView.fact("Mode", v.mode() == null ? "not read yet" : v.mode())
        + "<dt>State</dt><dd><span class=\"badge badge-"
        + Html.escape(v.state())
        + "\">"
        + Html.escape(v.state().toUpperCase(Locale.ROOT))
        + "</span></dd>"
        + ProviderStatusView.fact("Users", v.users())
        + ProviderStatusView.fact("Groups", v.groups())
        + ProviderStatusView.fact("Last full read", lastFullRead(v))
        + ProviderStatusView.fact("Last poll", Show.time(v.lastPoll()))
        + ProviderStatusView.fact("Last change", Show.time(v.lastChange()))
        + error(v)
        + "</dl>"
        + held(s, session);
  }

  /** {@code host:port} of each URL, in fail-over order. */
  static String hosts(Source source) {
    return source.urls().stream().map(SourceStatusPanel::host).collect(Collectors.joining(", "));
  }

  private static String host(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    } catch (IllegalArgumentException e) {
      return "unreadable URL";
    }
  }

  private static String lastFullRead(SourceStatusView v) {
    if (v.lastFullRead() == null) return "none yet";
    String took =
        v.lastFullReadSeconds() == null
            ? ""
            : String.format(Locale.ROOT, " · took %.1f s", v.lastFullReadSeconds());
    return Show.time(v.lastFullRead()) + took;
  }

  private static String error(SourceStatusView v) {
    if (v.lastError() == null) return ProviderStatusView.fact("Last error", "none");
    return "<dt>Last error</dt><dd class=\"error\">"
        + Html.escape(v.lastError())
        + "<br>at "
        + Html.escape(Show.time(v.lastErrorAt()))
        + ", failing since "
        + Html.escape(Show.time(v.failingSince()))
        + "</dd>";
  }

  private static String held(SourceSummary s, Session session) {
    SourceStatusView.Held held = s.status().deletionsHeld();
    if (held.count() == 0) return "<p class=\"held\">Held deletions: none</p>";
    StringBuilder rows = new StringBuilder();
    for (SourceStatusView.HeldObject h : held.first()) {
      rows.append("<li>")
          .append(Html.escape(h.type() + " " + h.id()))
          .append(" (")
          .append(Html.escape(h.dn()))
          .append(")</li>");
    }
    String more = held.count() > held.first().size() ? "<p>… and more.</p>" : "";
    String base = "/ui/sources/" + Html.url(s.name()) + "/deletions/";
    return "<div class=\"held\"><p><strong>Held deletions: "
        + held.count()
        + "</strong> ("
        + held.users()
        + " users, "
        + held.groups()
        + " groups)</p><ul>"
        + rows
        + "</ul>"
        + more
        + "<div class=\"actions\">"
        + ProviderStatusView.button(
            base + "release", "Release", "release-source-" + s.name(), session)
        + ProviderStatusView.button(
            base + "discard", "Discard", "discard-source-" + s.name(), session)
        + "</div></div>";
  }
}
