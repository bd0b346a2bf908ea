package io.scimfleet.scheduler.console;

import io.scimfleet.model.FullSyncRun;
import io.scimfleet.scheduler.http.Preview;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One provider: its status and actions, the last runs, the last run's failures grouped by error,
 * its configuration with secrets masked, and a preview of one user's payload.
 */
final class ProviderPage {
  /** What the page shows; {@code preview} and {@code previewId} are null until one is asked. */
  record Model(
      ProviderSummary summary,
      List<FullSyncRun> runs,
      String configuration,
      @Nullable String previewId,
      Preview.@Nullable Result preview,
      @Nullable String previewError) {}

  private ProviderPage() {}

  static String render(Model m, Session session, @Nullable String notice, Instant now) {
    ProviderSummary s = m.summary();
    String body =
        "<section aria-labelledby=\"status\"><h2 id=\"status\">Status</h2>"
            + ProviderStatusView.live(s, session, now)
            + ProvidersPage.syncButtons(s.name(), session)
            + "</section><section aria-labelledby=\"runs\"><h2 id=\"runs\">Runs</h2>"
            + RunsTable.live(s.name(), s.running(), m.runs(), now)
            + "</section><section aria-labelledby=\"failures\">"
            + "<h2 id=\"failures\">Failures of the last run</h2>"
            + failures(s.last())
            + "</section><section aria-labelledby=\"configuration\">"
            + "<h2 id=\"configuration\">Configuration</h2>"
            + "<p>As the API shows it: secrets appear only as where they come from.</p><pre>"
            + Html.escape(m.configuration())
            + "</pre></section>"
            + preview(m, s.name());
    return Layout.page("Provider " + s.name(), session, notice, body);
  }

  private static String failures(@Nullable FullSyncRun last) {
    if (last == null || last.errors().isEmpty()) return "<p>None.</p>";
    StringBuilder items = new StringBuilder("<ul class=\"failures\">");
    for (FailureGroup g : FailureGroup.of(last.errors())) {
      items
          .append("<li><strong>")
          .append(g.count())
          .append(" ×</strong> <code>")
          .append(Html.escape(g.error()))
          .append("</code>");
      if (!g.samples().isEmpty())
        items.append("<br>for ").append(Html.escape(String.join(", ", g.samples())));
      items.append("</li>");
    }
    return items
        + "</ul><p>The run keeps its first errors only; each object's page has its own.</p>";
  }

  private static String preview(Model m, String provider) {
    String form =
        "<form method=\"get\" action=\"/ui/providers/"
            + Html.url(provider)
            + "\" class=\"row\"><label for=\"preview\">User id</label>"
            + "<input id=\"preview\" name=\"preview\" type=\"text\" value=\""
            + Html.escape(m.previewId())
            + "\"><button type=\"submit\">Preview</button></form>";
    return "<section aria-labelledby=\"preview-title\">"
        + "<h2 id=\"preview-title\">Payload preview</h2>"
        + "<p>What a worker would send for this user; nothing is sent.</p>"
        + form
        + previewResult(m)
        + "</section>";
  }

  private static String previewResult(Model m) {
    if (m.previewError() != null)
      return "<p class=\"error\" role=\"alert\">" + Html.escape(m.previewError()) + "</p>";
    Preview.Result r = m.preview();
    if (r == null) return "";
    return "<p>"
        + (r.inScope() ? "In scope" : "Out of scope")
        + ": "
        + Html.escape(r.scope())
        + ". "
        + (r.valid() ? "Valid." : "Invalid: " + Html.escape(r.violations()))
        + "</p><pre class=\"payload\">"
        + Html.escape(r.resource().toPrettyString())
        + "</pre>";
  }
}
