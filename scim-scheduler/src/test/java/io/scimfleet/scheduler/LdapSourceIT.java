package io.scimfleet.scheduler;

import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.model.Credential;
import io.scimfleet.scheduler.source.RedisSourceStore;
import io.scimfleet.scheduler.source.Slapd;
import io.scimfleet.scheduler.source.SourceMetrics;
import io.scimfleet.scheduler.source.SourcePasswords;
import io.scimfleet.scheduler.source.SourceRegistry;
import io.scimfleet.scheduler.source.SourceRequest;
import io.scimfleet.scheduler.source.SourceRunner;
import io.scimfleet.scheduler.source.SourceStatus;
import io.scimfleet.testing.ScimSdkServer;
import io.scimfleet.testing.TestSecurity;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real OpenLDAP {@code slapd} read by a source into the fleet on the real Redis, synced by two
 * workers to a real SCIM server (SCIM-SDK): the full read, then a modify, an add, a delete and a
 * membership change by polling; a stopped server and a filter narrowed to nothing delete nobody.
 */
class LdapSourceIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final int PEOPLE = 300;
  private static final int POLL_SECONDS = 2;

  private Slapd slapd;
  private ScimSdkServer target;
  private Fleet fleet;
  private RedisSourceStore sourceStore;
  private SourceRegistry sources;
  private SourceRunner runner;

  @BeforeEach
  void start() throws Exception {
    slapd = Slapd.start();
    fillDirectory();
    target = ScimSdkServer.start();
    fleet = new Fleet(LdapSourceIT.class, 2);
    fleet.addProvider(
        aProvider("target")
            .at(target.baseUrl().toString())
            .withCredential(Credential.inline(target.token()))
            .withDeletionThreshold(100)
            .build());
    sourceStore = new RedisSourceStore(fleet.redis.pool(), fleet.redis.prefix());
    SourcePasswords passwords =
        new SourcePasswords(
            TestSecurity.settings().secrets(), Map.of("SCIM_SOURCE_SLAPD", Slapd.PASSWORD)::get);
    sources = new SourceRegistry(sourceStore, fleet.stores.directory(), passwords);
    runner =
        new SourceRunner(
            sourceStore,
            fleet.stores.directory(),
            passwords,
            new SourceMetrics(new SimpleMeterRegistry()),
            Clock.systemUTC(),
            "it-scheduler");
  }

  @AfterEach
  void stop() throws Exception {
    runner.close();
    fleet.close();
    target.close();
    slapd.close();
  }

  private void fillDirectory() throws Exception {
    try (LDAPConnection ldap = slapd.connect()) {
      List<String> members = new ArrayList<>();
      for (int i = 0; i < PEOPLE; i++) {
        String uid = String.format("user%03d", i);
        ldap.add(
            "dn: " + person(uid),
            "objectClass: inetOrgPerson",
            "uid: " + uid,
            "cn: User " + i,
            "sn: Number" + i,
            "mail: " + uid + "@example.org");
        if (i < 10) members.add("member: " + person(uid));
      }
      List<String> engineering =
          new ArrayList<>(
              List.of(
                  "dn: " + group("Engineering"), "objectClass: groupOfNames", "cn: Engineering"));
      engineering.addAll(members);
      ldap.add(engineering.toArray(String[]::new));
      ldap.add(
          "dn: " + group("Everyone"),
          "objectClass: groupOfNames",
          "cn: Everyone",
          "member: " + group("Engineering"),
          "member: " + person("user299"));
    }
  }

  private String slapdEntryUuid(String dn) throws Exception {
    try (LDAPConnection ldap = slapd.connect()) {
      return ldap.getEntry(dn, "entryUUID").getAttributeValue("entryUUID");
    }
  }

  private static String person(String uid) {
    return "uid=" + uid + ",ou=people," + Slapd.BASE;
  }

  private static String group(String cn) {
    return "cn=" + cn + ",ou=groups," + Slapd.BASE;
  }

  private static SourceRequest slapdSource(String url, String userFilter, String changeDetection) {
    return new SourceRequest(
        "ldap",
        true,
        List.of(url),
        null,
        null,
        Slapd.ADMIN,
        null,
        null,
        "SCIM_SOURCE_SLAPD",
        Slapd.BASE,
        null,
        null,
        userFilter,
        null,
        null,
        null,
        null,
        null,
        50,
        POLL_SECONDS,
        changeDetection,
        null,
        20,
        5);
  }

  private SourceStatus status() {
    return sourceStore.status("slapd").orElseThrow();
  }

  @Test
  void aRealDirectoryReachesTheTargetAndItsChangesFollowByPolling() throws Exception {
    sources.put("slapd", slapdSource(slapd.url(), null, null));
    runner.start();

    await().atMost(PATIENCE).until(() -> target.users().size() == PEOPLE);
    await().atMost(PATIENCE).until(() -> target.memberNames("Engineering").size() == 10);
    assertThat(status().users()).isEqualTo(PEOPLE);
    assertThat(status().groups()).isEqualTo(2);
    assertThat(status().announced()).isEqualTo("syncprov");
    assertThat(status().mode()).isEqualTo("syncrepl");

    try (LDAPConnection ldap = slapd.connect()) {
      ldap.modify(
          person("user005"), new Modification(ModificationType.REPLACE, "cn", "Renamed Five"));
      ldap.add(
          "dn: " + person("newcomer"),
          "objectClass: inetOrgPerson",
          "uid: newcomer",
          "cn: New Comer",
          "sn: Comer");
      ldap.delete(person("user007"));
      ldap.modify(
          group("Engineering"),
          new Modification(ModificationType.ADD, "member", person("newcomer")));
    }

    Duration withinPoll = Duration.ofSeconds(POLL_SECONDS + 30);
    await()
        .atMost(withinPoll)
        .until(
            () ->
                target
                    .userNamed("user005")
                    .map(u -> u.path("displayName").asText())
                    .orElse("")
                    .equals("Renamed Five"));
    await().atMost(withinPoll).until(() -> target.userNamed("newcomer").isPresent());
    await().atMost(withinPoll).until(() -> target.userNamed("user007").isEmpty());
    await().atMost(withinPoll).until(() -> target.memberNames("Engineering").contains("newcomer"));
    assertThat(target.memberNames("Engineering")).doesNotContain("user007");
  }

  @Test
  void aStoppedServerOrAFilterNarrowedToNothingDeletesNobodyAndTheStatusSaysWhy() throws Exception {
    sources.put("slapd", slapdSource(slapd.url(), null, "modifyTimestamp"));
    runner.start();
    await().atMost(PATIENCE).until(() -> target.users().size() == PEOPLE);

    slapd.stop();
    await().atMost(PATIENCE).until(() -> status().lastError() != null);
    assertThat(status().lastError()).contains("no LDAP server answered");
    assertThat(status().mode()).isEqualTo("modifyTimestamp");
    assertThat(fleet.stores.directory().userCount()).isEqualTo(PEOPLE);

    slapd.startAgain();
    await().atMost(PATIENCE).until(() -> status().lastError() == null);

    sources.put("slapd", slapdSource(slapd.url(), "(uid=nobody-at-all)", "modifyTimestamp"));
    await().atMost(PATIENCE).until(() -> sources.deletions().heldCount("slapd") == PEOPLE);
    assertThat(fleet.stores.directory().userCount()).isEqualTo(PEOPLE);
    assertThat(status().users()).isZero();
    String engineering = slapdEntryUuid(group("Engineering"));
    assertThat(fleet.stores.directory().members(engineering)).hasSize(10);
    assertThat(target.users()).hasSize(PEOPLE);
    assertThat(target.memberNames("Engineering")).hasSize(10);
  }
}
