package io.scimfleet.scheduler.source;

import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenLDAP {@code slapd} (Debian's package) on a free port of 127.0.0.1, configured by a
 * generated {@code slapd.conf} in a temporary directory: the mdb backend, the core, cosine,
 * inetOrgPerson and nis schemas, the syncprov overlay, no size limit, no fsync (a test server). It
 * can be stopped and started again on the same port and data. Fails with what to install when
 * {@code slapd} is missing.
 */
public final class Slapd implements AutoCloseable {
  public static final String BASE = "dc=example,dc=org";
  public static final String ADMIN = "cn=admin," + BASE;
  public static final String PASSWORD = "slapd-admin-secret";
  private static final Path BINARY = Path.of("/usr/sbin/slapd");

  private final Path dir;
  private final int port;
  private Process process;

  private Slapd(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Starts an empty directory holding only its base entry. */
  public static Slapd start() {
    if (!Files.isExecutable(BINARY))
      throw new IllegalStateException(
          BINARY
              + " is missing: install Debian's slapd and ldap-utils"
              + " (apt-get install -y slapd ldap-utils; .ci/run does it)");
    try {
      Path dir = Files.createTempDirectory("slapd-it");
      Files.createDirectories(dir.resolve("data"));
      Slapd slapd = new Slapd(dir, freePort());
      Files.writeString(dir.resolve("slapd.conf"), slapd.config());
      slapd.startAgain();
      try (LDAPConnection connection = slapd.connect()) {
        connection.add(
            "dn: " + BASE,
            "objectClass: dcObject",
            "objectClass: organization",
            "dc: example",
            "o: Example");
        connection.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        connection.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
      }
      return slapd;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("slapd did not start: " + e.getMessage(), e);
    }
  }

  private String config() {
    return String.join(
        "\n",
        "include /etc/ldap/schema/core.schema",
        "include /etc/ldap/schema/cosine.schema",
        "include /etc/ldap/schema/inetorgperson.schema",
        "include /etc/ldap/schema/nis.schema",
        "modulepath /usr/lib/ldap",
        "moduleload back_mdb",
        "moduleload syncprov",
        "pidfile " + dir.resolve("slapd.pid"),
        "database mdb",
        "suffix \"" + BASE + "\"",
        "rootdn \"" + ADMIN + "\"",
        "rootpw " + PASSWORD,
        "directory " + dir.resolve("data"),
        "maxsize 1073741824",
        "dbnosync",
        "sizelimit unlimited",
        "index objectClass,entryUUID eq",
        "index modifyTimestamp eq",
        "overlay syncprov",
        "");
  }

  /** (Re)starts slapd in the foreground on its port and waits until it answers. */
  public void startAgain() throws IOException, InterruptedException {
    process =
        new ProcessBuilder(
                BINARY.toString(),
                "-f",
                dir.resolve("slapd.conf").toString(),
                "-h",
                url() + "/",
                "-d",
                "0")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("slapd.log").toFile())
            .start();
    await()
        .alias("slapd answers on " + url())
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(this::answersUnlessExited);
  }

  private boolean answersUnlessExited() throws IOException {
    if (!process.isAlive())
      throw new IllegalStateException(
          "slapd exited: " + Files.readString(dir.resolve("slapd.log")));
    try (LDAPConnection ignored = connect()) {
      return true;
    } catch (LDAPException e) {
      return false;
    }
  }

  /** Stops slapd (SIGTERM) and waits for it to exit. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
  }

  public String url() {
    return "ldap://127.0.0.1:" + port;
  }

  /** A connection bound as the root DN; the caller closes it. */
  public LDAPConnection connect() throws LDAPException {
    return new LDAPConnection("127.0.0.1", port, ADMIN, PASSWORD);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) stop();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
