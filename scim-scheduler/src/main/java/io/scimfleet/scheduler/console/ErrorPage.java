package io.scimfleet.scheduler.console;

import org.jspecify.annotations.Nullable;

/** A refused request: what went wrong and a way back. */
final class ErrorPage {
  private ErrorPage() {}

  static String render(String message, @Nullable Session session) {
    String body =
        "<p class=\"error\" role=\"alert\">"
            + Html.escape(message)
            + "</p><p><a href=\"/ui/\">Back to the providers</a></p>";
    return session == null
        ? Layout.anonymous("Refused", body)
        : Layout.page("Refused", session, null, body);
  }
}
