package io.scimfleet.scheduler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimfleet.model.Credential;
import io.scimfleet.model.ObjectType;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.console.ConsoleSettings;
import io.scimfleet.scheduler.http.ApiServer;
import io.scimfleet.scheduler.http.ApiSettings;
import io.scimfleet.scheduler.source.InMemorySourceStore;
import io.scimfleet.scheduler.source.SourceMetrics;
import io.scimfleet.scheduler.source.SourcePasswords;
import io.scimfleet.scheduler.source.SourceRegistry;
import io.scimfleet.scheduler.source.SourceRequest;
import io.scimfleet.scheduler.source.SourceRunner;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real browser (headless Chromium) against the fleet on the real Redis and a
 * SCIM-SDK target: sign in, watch a full sync finish without reloading, release held deletions,
 * find a user and sync it now, watch an LDAP source (UnboundID's in-memory server) hold deletions
 * and release them, sign out. Screenshots of each page land in {@code target/console-screenshots/}.
 */
class ConsoleIT {
  private static final String ADMIN = "console-it-admin-token-0c5d-47e2-b1f9-8a36";
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String BASE = "dc=example,dc=org";
  private static final String LDAP_PASSWORD = "console-it-ldap-bind-6e2a";

  private ScimSdkServer target;
  private Fleet fleet;
  private ApiServer api;
  private SourceRegistry sources;
  private SourceRunner sourceRunner;
  private InMemoryDirectoryServer ldap;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() {
    target = ScimSdkServer.start();
    fleet = new Fleet(ConsoleIT.class, 1);
    fleet.addProvider(
        aProvider("crm")
            .at(target.baseUrl().toString())
            .withCredential(Credential.inline(target.token()))
            .withDeletionThreshold(10)
            .build());
    ProviderRegistry providers =
        new ProviderRegistry(fleet.stores, fleet.scheduler.fullSyncs(), TestSecurity.settings());
    sources =
        new SourceRegistry(
            new InMemorySourceStore(),
            fleet.stores.directory(),
            new SourcePasswords(providers.security().secrets(), name -> null));
    api =
        ApiServer.start(
            fleet.scheduler,
            providers,
            sources,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            new ApiSettings(ADMIN, 64 * 1024, 0).withConsole(ConsoleSettings.defaults()));
    browser = HeadlessChromium.start(1280, 1000);
    wait = new WebDriverWait(browser, PATIENCE);
  }

  @AfterEach
  void stop() {
    if (browser != null) browser.quit();
    if (api != null) api.close();
    if (sourceRunner != null) sourceRunner.close();
    if (ldap != null) ldap.shutDown(true);
    fleet.close();
    target.close();
  }

  @Test
  void anOperatorSignsInWatchesARunReleasesHeldDeletionsSyncsAUserAndSignsOut() throws Exception {
    IntStream.range(0, 50)
        .forEach(
            i ->
                fleet
                    .stores
                    .directory()
                    .putUser(
                        i == 20
                            ? aUser("u20").named("Ada Lovelace").build()
                            : aUser("u" + i).build()));
    await().atMost(PATIENCE).until(() -> target.users().size() == 50);

    signIn();
    watchAFullSyncFinish();
    releaseHeldDeletions();
    findAUserAndSyncItNow();
    watchASourceHoldDeletionsAndReleaseThem();
    everyPageFitsAPhone();
    signOut();
  }

  private void signIn() {
    browser.get(base() + "/ui/");
    expectPage("Sign in");
    HeadlessChromium.screenshot(browser, "sign-in");
    field("Admin token").sendKeys("not-the-admin-token");
    button("Sign in").click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("[role=alert]"), "Wrong admin token."));
    field("Admin token").sendKeys(ADMIN, Keys.ENTER); // the keyboard alone signs in
    expectPage("Providers");
    assertThat(browser.getPageSource()).doesNotContain(ADMIN);
  }

  private void watchAFullSyncFinish() {
    browser.findElement(By.id("sync-crm")).click();
    expectPage("Provider crm");
    markThePage();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[aria-label=Runs]"), "SUCCEEDED"));
    assertThat(thePageWasNotReloaded()).isTrue();
    assertThat(fleet.lastRun("crm"))
        .hasValueSatisfying(run -> assertThat(run.status()).hasToString("SUCCEEDED"));
    HeadlessChromium.screenshot(browser, "provider");
  }

  private void releaseHeldDeletions() {
    IntStream.range(0, 10).forEach(i -> fleet.stores.directory().deleteUser("u" + i));
    browser.findElement(By.linkText("Providers")).click();
    markThePage();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".held"), "Held deletions: 5"));
    assertThat(thePageWasNotReloaded()).isTrue();
    await().atMost(PATIENCE).until(() -> target.users().size() == 45);
    HeadlessChromium.screenshot(browser, "providers");
    HeadlessChromium.resize(browser, 390, 1400);
    HeadlessChromium.screenshot(browser, "providers-390px");
    assertThat(horizontalOverflow()).as("no sideways scrolling at 390 px").isFalse();
    HeadlessChromium.resize(browser, 1280, 1000);

    browser.findElement(By.id("release-crm")).click();

    assertThat(notice()).isEqualTo("5 held deletion(s) of crm released: a worker sends them now.");
    await().atMost(PATIENCE).until(() -> target.users().size() == 40);
    assertThat(fleet.stores.deletions().heldCount("crm")).isZero();
  }

  private void findAUserAndSyncItNow() {
    browser.findElement(By.linkText("Objects")).click();
    expectPage("Objects");
    field("Search").sendKeys("ada.lovelace");
    HeadlessChromium.screenshot(browser, "objects");
    button("Search").click();
    expectPage("User ada.lovelace");

    browser.findElement(By.id("sync-crm")).click();

    assertThat(notice()).isEqualTo("Sync of user u20 to crm queued.");
    markThePage();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[aria-label=Attempts]"), "manual"));
    assertThat(thePageWasNotReloaded()).isTrue();
    assertThat(fleet.stores.history().recent("crm", ObjectType.USER, "u20"))
        .anySatisfy(a -> assertThat(a.trigger()).hasToString("MANUAL"));
    HeadlessChromium.screenshot(browser, "object");
  }

  private void watchASourceHoldDeletionsAndReleaseThem() throws Exception {
    startLdapSource();
    browser.findElement(By.linkText("Sources")).click();
    expectPage("Sources");
    markThePage();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".live"), "Users\n3"));
    ldapDelete("bob");
    ldapDelete("cy");
    browser.findElement(By.id("read-corp")).click();
    assertThat(notice()).startsWith("Full read of corp requested");
    markThePage();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".held"), "Held deletions: 2"));
    assertThat(thePageWasNotReloaded()).isTrue();
    assertThat(browser.getPageSource()).doesNotContain(LDAP_PASSWORD);
    HeadlessChromium.screenshot(browser, "sources");

    browser.findElement(By.id("release-source-corp")).click();

    assertThat(notice()).startsWith("2 held deletion(s) of corp released");
    assertThat(fleet.stores.directory().userByUsername("bob")).isEmpty();
    assertThat(fleet.stores.directory().userByUsername("ada")).isPresent();
  }

  /** Three people in an in-memory LDAP server, read every second by a source runner. */
  private void startLdapSource() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.addAdditionalBindCredentials("cn=admin," + BASE, LDAP_PASSWORD);
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
    config.setSchema(null);
    ldap = new InMemoryDirectoryServer(config);
    ldap.startListening();
    ldap.add("dn: " + BASE, "objectClass: domain", "dc: example");
    ldap.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
    for (String uid : List.of("ada", "bob", "cy"))
      ldap.add(
          "dn: uid=" + uid + ",ou=people," + BASE,
          "objectClass: inetOrgPerson",
          "uid: " + uid,
          "cn: " + uid,
          "sn: " + uid);
    sources.put(
        "corp",
        new SourceRequest(
            "ldap",
            true,
            List.of("ldap://127.0.0.1:" + ldap.getListenPort()),
            null,
            null,
            "cn=admin," + BASE,
            LDAP_PASSWORD,
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
            5));
    sourceRunner =
        new SourceRunner(
            sources.store(),
            fleet.stores.directory(),
            sources.passwords(),
            new SourceMetrics(new SimpleMeterRegistry()),
            Clock.systemUTC(),
            "console-it");
    sourceRunner.start();
  }

  private void ldapDelete(String uid) throws Exception {
    ldap.delete("uid=" + uid + ",ou=people," + BASE);
  }

  /** At 390 px wide no page scrolls sideways (wide tables scroll inside their own region). */
  private void everyPageFitsAPhone() {
    HeadlessChromium.resize(browser, 390, 1400);
    for (String path :
        new String[] {
          "/ui/", "/ui/providers/crm", "/ui/sources", "/ui/objects", "/ui/objects/user/u20"
        }) {
      browser.get(base() + path);
      assertThat(horizontalOverflow()).as("sideways scrolling on " + path + " at 390 px").isFalse();
    }
    HeadlessChromium.screenshot(browser, "object-390px");
    HeadlessChromium.resize(browser, 1280, 1000);
  }

  private void signOut() {
    button("Sign out").click();
    expectPage("Sign in");
    browser.get(base() + "/ui/");
    expectPage("Sign in");
  }

  private String base() {
    return "http://127.0.0.1:" + api.port();
  }

  /** Waits for the page whose one h1 says {@code heading} (a click navigates asynchronously). */
  private void expectPage(String heading) {
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
    assertThat(browser.findElements(By.tagName("h1"))).as("one h1 per page").hasSize(1);
  }

  private String notice() {
    return wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status].notice")))
        .getText();
  }

  /** The input whose label says {@code label}. */
  private org.openqa.selenium.WebElement field(String label) {
    var labelElement = browser.findElement(By.xpath("//label[normalize-space()='" + label + "']"));
    return browser.findElement(By.id(labelElement.getAttribute("for")));
  }

  private org.openqa.selenium.WebElement button(String text) {
    return browser.findElement(By.xpath("//button[normalize-space()='" + text + "']"));
  }

  /** A mark in the page's JavaScript state: a full reload would lose it. */
  private void markThePage() {
    browser.executeScript("window.consoleItMark = 'kept';");
  }

  private boolean thePageWasNotReloaded() {
    return "kept".equals(browser.executeScript("return window.consoleItMark;"));
  }

  private boolean horizontalOverflow() {
    return Boolean.TRUE.equals(
        browser.executeScript(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;"));
  }
}
