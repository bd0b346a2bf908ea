package io.scimfleet.scheduler.console;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Find a user or group by id, username or group name. */
final class SearchPage {
  private SearchPage() {}

  /** {@code query} null: nothing asked yet. */
  static String render(@Nullable String query, List<ObjectRef> found, Session session) {
    String form =
        "<form method=\"get\" action=\"/ui/objects\" class=\"row\" role=\"search\">"
            + "<label for=\"q\">Search</label>"
            + "<input id=\"q\" name=\"q\" type=\"search\" required value=\""
            + Html.escape(query)
            + "\"><button type=\"submit\">Search</button></form>"
            + "<p>A user's id or username, or a group's id or name.</p>";
    return Layout.page("Objects", session, null, form + results(query, found));
  }

  private static String results(@Nullable String query, List<ObjectRef> found) {
    if (query == null) return "";
    if (found.isEmpty())
      return "<p role=\"status\">Nothing found for “" + Html.escape(query) + "”.</p>";
    StringBuilder list = new StringBuilder("<ul class=\"results\">");
    for (ObjectRef ref : found) list.append("<li>").append(ObjectPage.link(ref)).append("</li>");
    return list.append("</ul>").toString();
  }
}
