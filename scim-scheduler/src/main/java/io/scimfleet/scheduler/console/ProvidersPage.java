package io.scimfleet.scheduler.console;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The landing page: every provider's health, last run and actions, refreshed live. */
final class ProvidersPage {
  private ProvidersPage() {}

  static String render(
      List<ProviderSummary> providers, Session session, @Nullable String notice, Instant now) {
    StringBuilder body = new StringBuilder();
    if (providers.isEmpty()) {
      body.append(
          "<p>No provider yet: add one with <code>PUT /api/v1/providers/{name}</code> or "
              + "<code>SCIM_CONFIG</code>.</p>");
    }
    body.append("<div class=\"cards\">");
    for (ProviderSummary s : providers) body.append(card(s, session, now));
    body.append("</div>");
    return Layout.page("Providers", session, notice, body.toString());
  }

  private static String card(ProviderSummary s, Session session, Instant now) {
    return "<article class=\"card\"><h2><a href=\"/ui/providers/"
        + Html.url(s.name())
        + "\">"
        + Html.escape(s.name())
        + "</a></h2>"
        + ProviderStatusView.live(s, session, now)
        + syncButtons(s.name(), session)
        + "</article>";
  }

  /** {@code Sync now} and {@code Force full sync}. */
  static String syncButtons(String name, Session session) {
    String action = "/ui/providers/" + Html.url(name) + "/sync";
    return "<div class=\"actions\">"
        + ProviderStatusView.button(action, "Sync now", "sync-" + name, session)
        + ProviderStatusView.button(
            action + "?force=true", "Force full sync", "force-" + name, session)
        + "</div>";
  }
}
