package io.scimfleet.scheduler.console;

import org.jspecify.annotations.Nullable;

/** The sign-in form: the admin token, never shown back, and why the last try failed. */
final class SignInPage {
  private SignInPage() {}

  static String render(@Nullable String error) {
    String alert =
        error == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.escape(error) + "</p>";
    return Layout.anonymous(
        "Sign in",
        alert
            + """
            <form method="post" action="/ui/sign-in" class="stack">
            <label for="token">Admin token</label>
            <input id="token" name="token" type="password" autocomplete="off" required autofocus>
            <button type="submit">Sign in</button>
            </form>
            <p>The token is <code>SCIM_ADMIN_TOKEN</code>, the one the API takes.</p>
            """);
  }
}
