package io.scimfleet.scheduler.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.model.ObjectType;
import io.scimfleet.scheduler.source.SourceMetrics;
import io.scimfleet.scheduler.source.SourceRequest;
import io.scimfleet.scheduler.source.SourceRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's Sources page at the HTTP level, over a source read from UnboundID's in-memory LDAP
 * server: status and counts, {@code Read now}, held deletions released and discarded with the
 * session's CSRF token only, and the bind password never in a page.
 */
class ConsoleSourcesTest {
  private static final String BASE = "dc=example,dc=org";
  private static final String ADMIN = "cn=admin," + BASE;
  private static final String BIND_PASSWORD = "ldap-bind-s3cret-93f1";
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private InMemoryDirectoryServer ldap;
  private ConsoleServer console;
  private SourceRunner runner;
  private String session;

  @BeforeEach
  void start() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.addAdditionalBindCredentials(ADMIN, BIND_PASSWORD);
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
    config.setSchema(null);
    ldap = new InMemoryDirectoryServer(config);
    ldap.startListening();
    ldap.add("dn: " + BASE, "objectClass: domain", "dc: example");
    ldap.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
    for (String uid : List.of("ada", "bob", "cy")) person(uid);
    ldap.add(
        "dn: cn=staff," + BASE, "objectClass: groupOfNames", "cn: staff", "member: " + dn("ada"));
    console = new ConsoleServer(ConsoleSettings.defaults());
    runner =
        new SourceRunner(
            console.sources.store(),
            console.stores.directory(),
            console.sources.passwords(),
            new SourceMetrics(new SimpleMeterRegistry()),
            Clock.systemUTC(),
            "console-test");
    console.sources.put("corp", request("ldap://127.0.0.1:" + ldap.getListenPort()));
    session = signIn();
  }

  @AfterEach
  void stop() {
    runner.close();
    console.close();
    ldap.shutDown(true);
  }

  @Test
  void theSourcesPageShowsASourcesStatusAndCountsAfterAReadButNeverItsBindPassword() {
    runner.tick();

    HttpResponse<String> page = get("/ui/sources");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .containsOnlyOnce("<h1>")
        .contains("<h1>Sources</h1>", "<a href=\"/ui/sources\">Sources</a>", "<h2>corp</h2>")
        .contains("<dt>Type</dt><dd>ldap</dd>", "<dt>Enabled</dt><dd>yes</dd>")
        .contains("<dt>Hosts</dt><dd>127.0.0.1:" + ldap.getListenPort() + "</dd>")
        .contains("<dt>Mode</dt><dd>modifyTimestamp</dd>", ">OK</span>")
        .contains("<dt>Users</dt><dd>3</dd>", "<dt>Groups</dt><dd>1</dd>")
        .contains("<dt>Last error</dt><dd>none</dd>", "Held deletions: none", ">Read now<")
        .contains("hx-get=\"/ui/live/sources/corp\"", " · took ")
        .doesNotContain(BIND_PASSWORD, "sealed:");
    HttpResponse<String> live = get("/ui/live/sources/corp");
    assertThat(live.body()).contains("<dt>Users</dt><dd>3</dd>").doesNotContain(BIND_PASSWORD);
    assertThat(get("/ui/live/sources/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void aSourceThatCannotBindShowsItsErrorAndSinceWhenButNotThePasswordItTried() {
    String wrong = "wrong-<b>-password-51c0";
    SourceRequest good = request("ldap://127.0.0.1:" + ldap.getListenPort());
    console.sources.put("hr", withPassword(good, wrong));
    runner.tick();

    String live = get("/ui/live/sources/hr").body();

    assertThat(live)
        .contains(
            ">FAILING</span>", "<dt>Last error</dt><dd class=\"error\">", ", failing since 20")
        .contains("<dt>Users</dt><dd>0</dd>", "<dt>Last full read</dt><dd>none yet</dd>")
        .doesNotContain(wrong, "<b>");
    assertThat(get("/ui/sources").body()).contains("<h2>corp</h2>", "<h2>hr</h2>");
  }

  @Test
  void readNowAsksForAFullReadOnlyWithTheCsrfToken() {
    assertThat(post("/ui/sources/corp/sync", "").statusCode()).isEqualTo(403);
    assertThat(console.sources.store().takeReadRequest("corp")).isFalse();

    HttpResponse<String> read = post("/ui/sources/corp/sync", "csrf=" + csrf());

    assertThat(read.statusCode()).isEqualTo(303);
    assertThat(read.headers().firstValue("Location")).hasValue("/ui/sources");
    assertThat(console.sources.store().takeReadRequest("corp")).isTrue();
    assertThat(get("/ui/sources").body()).contains("Full read of corp requested");
  }

  @Test
  void heldDeletionsAreReleasedOnlyWithTheCsrfToken() throws Exception {
    holdTwoDeletions();
    String page = get("/ui/sources").body();
    assertThat(page)
        .contains(">HOLDING</span>", "Held deletions: 2</strong> (2 users, 0 groups)")
        .contains("(uid=bob,ou=people," + BASE + ")", ">Release<", ">Discard<");

    HttpResponse<String> without = post("/ui/sources/corp/deletions/release", "");
    HttpResponse<String> wrong = post("/ui/sources/corp/deletions/release", "csrf=nope");

    assertThat(without.statusCode()).isEqualTo(403);
    assertThat(without.body()).contains("CSRF token is missing or wrong");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(console.sources.deletions().heldCount("corp")).isEqualTo(2);
    assertThat(console.stores.directory().userByUsername("bob")).isPresent();

    HttpResponse<String> with = post("/ui/sources/corp/deletions/release", "csrf=" + csrf());

    assertThat(with.statusCode()).isEqualTo(303);
    assertThat(console.sources.deletions().heldCount("corp")).isZero();
    assertThat(console.stores.directory().userByUsername("bob")).isEmpty();
    assertThat(console.stores.directory().userByUsername("cy")).isEmpty();
    assertThat(console.stores.directory().userByUsername("ada")).isPresent();
    assertThat(get("/ui/sources").body())
        .contains("2 held deletion(s) of corp released")
        .contains("Held deletions: none");
  }

  @Test
  void heldDeletionsAreDiscardedOnlyWithTheCsrfTokenAndTheObjectsStay() throws Exception {
    holdTwoDeletions();

    assertThat(post("/ui/sources/corp/deletions/discard", "").statusCode()).isEqualTo(403);
    assertThat(console.sources.deletions().heldCount("corp")).isEqualTo(2);

    HttpResponse<String> with = post("/ui/sources/corp/deletions/discard", "csrf=" + csrf());

    assertThat(with.statusCode()).isEqualTo(303);
    assertThat(console.sources.deletions().heldCount("corp")).isZero();
    assertThat(console.stores.directory().userByUsername("bob")).isPresent();
    assertThat(get("/ui/sources").body()).contains("2 held deletion(s) of corp discarded");
    assertThat(post("/ui/sources/corp/deletions/release", "csrf=" + csrf()).statusCode())
        .isEqualTo(404);
  }

  /** Reads four objects, removes two users from LDAP (50% > 20%) and reads again: both held. */
  private void holdTwoDeletions() throws Exception {
    runner.tick();
    assertThat(console.stores.directory().userByUsername("bob")).isPresent();
    ldap.delete(dn("bob"));
    ldap.delete(dn("cy"));
    console.sources.store().requestRead("corp");
    runner.tick();
    assertThat(console.sources.deletions().heldCount("corp")).isEqualTo(2);
    assertThat(console.sources.store().held("corp", ObjectType.USER)).hasSize(2);
  }

  private void person(String uid) throws Exception {
    ldap.add(
        "dn: " + dn(uid),
        "objectClass: inetOrgPerson",
        "uid: " + uid,
        "cn: " + uid + " cn",
        "sn: " + uid);
  }

  private static String dn(String uid) {
    return "uid=" + uid + ",ou=people," + BASE;
  }

  private static SourceRequest request(String url) {
    return new SourceRequest(
        "ldap",
        true,
        List.of(url),
        null,
        null,
        ADMIN,
        BIND_PASSWORD,
        null,
        null,
        BASE,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        5);
  }

  private static SourceRequest withPassword(SourceRequest r, String password) {
    return new SourceRequest(
        r.type(),
        r.enabled(),
        r.url(),
        r.startTls(),
        r.caBundleFile(),
        r.bindDn(),
        password,
        null,
        null,
        r.baseDn(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        r.timeoutSeconds());
  }

  private String signIn() {
    HttpResponse<String> signedIn =
        send(form("/ui/sign-in", null, "token=" + encode(ConsoleServer.ADMIN_TOKEN)).build());
    String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private String csrf() {
    Matcher m = CSRF.matcher(get("/ui/sources").body());
    assertThat(m.find()).as("a CSRF field in the page").isTrue();
    return encode(m.group(1));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(console.base() + path))
            .header("Cookie", session)
            .GET()
            .build());
  }

  private HttpResponse<String> post(String path, String body) {
    return send(form(path, session, body).build());
  }

  private HttpRequest.Builder form(String path, String cookie, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(console.base() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) request.header("Cookie", cookie);
    return request;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
