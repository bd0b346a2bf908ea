package io.scimfleet.scheduler.source;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.util.List;
import java.util.Map;

/**
 * UnboundID's in-memory directory on a free port, without schema checks (so that AD's {@code user}
 * entries fit beside inetOrgPerson), generating entryUUID and modifyTimestamp.
 */
final class LdapFixture implements AutoCloseable {
  static final String BASE = "dc=example,dc=org";
  static final String ADMIN = "cn=admin," + BASE;
  static final String PASSWORD = "admin-secret";

  final InMemoryDirectoryServer server;

  LdapFixture() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.addAdditionalBindCredentials(ADMIN, PASSWORD);
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
    config.setSchema(null);
    server = new InMemoryDirectoryServer(config);
    server.startListening();
    server.add("dn: " + BASE, "objectClass: domain", "dc: example");
    server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
    server.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
  }

  String url() {
    return "ldap://127.0.0.1:" + server.getListenPort();
  }

  void person(String uid, String... more) throws Exception {
    String[] lines = new String[5 + more.length];
    lines[0] = "dn: uid=" + uid + ",ou=people," + BASE;
    lines[1] = "objectClass: inetOrgPerson";
    lines[2] = "uid: " + uid;
    lines[3] = "cn: " + uid + " cn";
    lines[4] = "sn: " + uid;
    System.arraycopy(more, 0, lines, 5, more.length);
    server.add(lines);
  }

  void group(String cn, String... memberDns) throws Exception {
    String[] lines = new String[3 + memberDns.length];
    lines[0] = "dn: cn=" + cn + ",ou=groups," + BASE;
    lines[1] = "objectClass: groupOfNames";
    lines[2] = "cn: " + cn;
    for (int i = 0; i < memberDns.length; i++) lines[3 + i] = "member: " + memberDns[i];
    server.add(lines);
  }

  static String personDn(String uid) {
    return "uid=" + uid + ",ou=people," + BASE;
  }

  static String groupDn(String cn) {
    return "cn=" + cn + ",ou=groups," + BASE;
  }

  String entryUuid(String dn) throws Exception {
    return server.getEntry(dn, "entryUUID").getAttributeValue("entryUUID");
  }

  static SourceRequest request(String url) {
    return new SourceRequest(
        "ldap",
        true,
        List.of(url),
        null,
        null,
        ADMIN,
        null,
        null,
        "SCIM_SOURCE_TEST_PASSWORD",
        BASE,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of("title", "manager"),
        null,
        null,
        null,
        null,
        null,
        50,
        5);
  }

  static Map<String, String> variables() {
    return Map.of("SCIM_SOURCE_TEST_PASSWORD", PASSWORD);
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
