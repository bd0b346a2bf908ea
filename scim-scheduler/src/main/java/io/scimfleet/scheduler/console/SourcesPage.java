package io.scimfleet.scheduler.console;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The Sources page: every LDAP source's health, last reads and held deletions, refreshed live. */
final class SourcesPage {
  private SourcesPage() {}

  static String render(List<SourceSummary> sources, Session session, @Nullable String notice) {
    StringBuilder body = new StringBuilder();
    if (sources.isEmpty()) {
      body.append(
          "<p>No source yet: add one with <code>PUT /api/v1/sources/{name}</code> or the "
              + "<code>sources:</code> of <code>SCIM_CONFIG</code>.</p>");
    }
    body.append("<div class=\"cards\">");
    for (SourceSummary s : sources) body.append(card(s, session));
    body.append("</div>");
    return Layout.page("Sources", session, notice, body.toString());
  }

  private static String card(SourceSummary s, Session session) {
    return "<article class=\"card\"><h2>"
        + Html.escape(s.name())
        + "</h2>"
        + SourceStatusPanel.live(s, session)
        + "<div class=\"actions\">"
        + ProviderStatusView.button(
            "/ui/sources/" + Html.url(s.name()) + "/sync", "Read now", "read-" + s.name(), session)
        + "</div></article>";
  }
}
