package io.scimfleet.scheduler.console;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.Credential;
import io.scimfleet.model.HeldDeletion;
import io.scimfleet.model.ObjectType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's protections at the HTTP level: sign-in, throttle, session cookie, CSRF, CSP. */
class ConsoleHttpTest {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private ConsoleServer console;

  @BeforeEach
  void start() {
    console = new ConsoleServer(ConsoleSettings.defaults());
  }

  @AfterEach
  void stop() {
    console.close();
  }

  @Test
  void theSignInPageHasALabelledTokenFieldAndAPolicyWithoutInlineScript() {
    HttpResponse<String> page = get("/ui/sign-in", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<label for=\"token\">Admin token</label>", ">Sign in<");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("script-src 'self'", "style-src 'self'").doesNotContain("unsafe");
    assertThat(page.body()).doesNotContain("<script>", "style=\"", " onclick=");
  }

  @Test
  void everyPageNeedsASession() {
    for (String path :
        new String[] {"/ui", "/ui/", "/ui/objects", "/ui/providers/crm", "/ui/sources"}) {
      HttpResponse<String> page = get(path, null);
      assertThat(page.statusCode()).as(path).isEqualTo(303);
      assertThat(page.headers().firstValue("Location")).hasValue("/ui/sign-in");
    }
  }

  @Test
  void aWrongTokenIsRefusedAndAfterFiveTheAddressMustWait() {
    for (int i = 0; i < SignInThrottle.ATTEMPTS; i++) {
      HttpResponse<String> refused = signIn("not-the-token");
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.body()).contains("Wrong admin token.").doesNotContain("not-the-token");
    }

    HttpResponse<String> throttled = signIn(ConsoleServer.ADMIN_TOKEN);

    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).contains("Too many wrong tokens");
  }

  @Test
  void theRightTokenOpensASessionInAnHttpOnlyStrictCookieAndIsNeverShownBack() {
    HttpResponse<String> signedIn = signIn(ConsoleServer.ADMIN_TOKEN);

    assertThat(signedIn.statusCode()).isEqualTo(303);
    String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/ui").doesNotContain("Secure");
    HttpResponse<String> providers = get("/ui/", session(signedIn));
    assertThat(providers.statusCode()).isEqualTo(200);
    assertThat(providers.body()).contains("<h1>Providers</h1>");
    assertThat(providers.body()).doesNotContain(ConsoleServer.ADMIN_TOKEN);
  }

  @Test
  void theCookieIsSecureWhenTheSettingsAskForIt() {
    console.close();
    console = new ConsoleServer(new ConsoleSettings(Duration.ofMinutes(5), true));

    String cookie = signIn(ConsoleServer.ADMIN_TOKEN).headers().firstValue("Set-Cookie").get();

    assertThat(cookie).contains("Secure");
  }

  @Test
  void aFormWithoutItsCsrfTokenIsRefusedAndWithItDoesItsWork() {
    console.providers.put(aProvider("crm").build());
    console
        .stores
        .deletions()
        .hold(new HeldDeletion("crm", ObjectType.USER, "u1", "r1", Instant.now()));
    String session = session(signIn(ConsoleServer.ADMIN_TOKEN));
    String csrf = csrf(get("/ui/", session).body());

    HttpResponse<String> without = post("/ui/providers/crm/deletions/discard", session, "");
    HttpResponse<String> wrong =
        post("/ui/providers/crm/deletions/discard", session, "csrf=" + csrf + "x");

    assertThat(without.statusCode()).isEqualTo(403);
    assertThat(without.body()).contains("CSRF token is missing or wrong");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(console.stores.deletions().heldCount("crm")).isEqualTo(1);

    HttpResponse<String> with =
        post("/ui/providers/crm/deletions/discard", session, "csrf=" + encode(csrf));

    assertThat(with.statusCode()).isEqualTo(303);
    assertThat(console.stores.deletions().heldCount("crm")).isZero();
    assertThat(get("/ui/", session).body()).contains("1 held deletion(s) of crm discarded.");
  }

  @Test
  void theProviderPageMasksSecretsAndPreviewsAUsersPayload() {
    console.providers.put(
        aProvider("crm").withCredential(Credential.inline("s3cret-target-token-7f1e")).build());
    console.stores.directory().putUser(aUser("u1").named("Ada Lovelace").build());
    String session = session(signIn(ConsoleServer.ADMIN_TOKEN));

    HttpResponse<String> page = get("/ui/providers/crm?preview=u1", session);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1>Provider crm</h1>", "Configuration", "&quot;credential&quot; : &quot;inline")
        .contains("In scope", "&quot;userName&quot; : &quot;ada.lovelace&quot;")
        .doesNotContain("s3cret-target-token-7f1e");
    assertThat(get("/ui/providers/crm?preview=nobody", session).body())
        .contains("no user &#39;nobody&#39; in the directory");
  }

  @Test
  void whatASearchEchoesIsEscaped() {
    String session = session(signIn(ConsoleServer.ADMIN_TOKEN));

    HttpResponse<String> page =
        get("/ui/objects?q=" + encode("<script>alert(1)</script>"), session);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Nothing found for “&lt;script&gt;alert(1)&lt;/script&gt;”")
        .doesNotContain("<script>alert");
  }

  @Test
  void aPollAfterTheSessionEndedSendsTheBrowserToSignIn() {
    HttpRequest poll =
        HttpRequest.newBuilder(URI.create(console.base() + "/ui/live/providers/crm"))
            .header("HX-Request", "true")
            .header("Cookie", SessionCookie.NAME + "=over")
            .build();

    HttpResponse<String> answer = send(poll);

    assertThat(answer.headers().firstValue("HX-Redirect")).hasValue("/ui/sign-in");
  }

  @Test
  void signingOutEndsTheSession() {
    String session = session(signIn(ConsoleServer.ADMIN_TOKEN));
    String csrf = csrf(get("/ui/", session).body());

    HttpResponse<String> out = post("/ui/sign-out", session, "csrf=" + encode(csrf));

    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    assertThat(get("/ui/", session).statusCode()).isEqualTo(303);
  }

  @Test
  void theAssetsComeFromTheJar() {
    HttpResponse<String> htmx = get("/ui/assets/htmx.min.js", null);
    HttpResponse<String> css = get("/ui/assets/console.css", null);

    assertThat(htmx.statusCode()).isEqualTo(200);
    assertThat(htmx.body()).contains("htmx");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(get("/ui/assets/nope.js", null).statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> signIn(String token) {
    return post("/ui/sign-in", null, "token=" + encode(token));
  }

  private static String session(HttpResponse<String> signedIn) {
    String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("a CSRF field in the page").isTrue();
    return m.group(1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(String path, String cookie) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(console.base() + path));
    if (cookie != null) request.header("Cookie", cookie);
    return send(request.GET().build());
  }

  private HttpResponse<String> post(String path, String cookie, String form) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(console.base() + path))
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (cookie != null) request.header("Cookie", cookie);
    return send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
