package io.scimfleet.scheduler.console;

import org.jspecify.annotations.Nullable;

/**
 * The page every console page sits in: one {@code h1}, the navigation, the session's sign-out form
 * and a notice from the last action. Styles and the one script come from {@code /ui/assets/}; no
 * inline script or style (the Content-Security-Policy forbids them); htmx reads its settings from a
 * meta tag.
 */
final class Layout {
  /** htmx without eval, script tags in swapped content, or its injected indicator styles. */
  private static final String HTMX_CONFIG =
      "{&quot;includeIndicatorStyles&quot;:false,&quot;allowEval&quot;:false,"
          + "&quot;allowScriptTags&quot;:false,&quot;historyCacheSize&quot;:0}";

  private Layout() {}

  /** A page for a signed-in operator. */
  static String page(String title, Session session, @Nullable String notice, String body) {
    String nav =
        """
        <header class="top"><nav aria-label="Console">
        <a href="/ui/">Providers</a>
        <a href="/ui/sources">Sources</a>
        <a href="/ui/objects">Objects</a>
        <form method="post" action="/ui/sign-out" class="inline">%s
        <button type="submit">Sign out</button></form>
        </nav></header>
        """
            .formatted(csrfField(session));
    return document(title, nav, notice, body);
  }

  /** A page for someone not signed in. */
  static String anonymous(String title, String body) {
    return document(title, "", null, body);
  }

  /** The hidden field every state-changing form carries. */
  static String csrfField(Session session) {
    return "<input type=\"hidden\" name=\"csrf\" value=\""
        + Html.escape(session.csrfToken())
        + "\">";
  }

  private static String document(String title, String nav, @Nullable String notice, String body) {
    return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="htmx-config" content="%s">
        <title>%s · scim-fleet</title>
        <link rel="stylesheet" href="/ui/assets/console.css">
        <script src="/ui/assets/htmx.min.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        %s<main id="main">
        <h1>%s</h1>
        %s%s
        </main>
        </body>
        </html>
        """
        .formatted(
            HTMX_CONFIG,
            Html.escape(title),
            nav,
            Html.escape(title),
            notice == null
                ? ""
                : "<p class=\"notice\" role=\"status\">" + Html.escape(notice) + "</p>\n",
            body);
  }
}
