package io.scimfleet.scheduler.source;

import static io.scimfleet.scheduler.source.LdapFixture.groupDn;
import static io.scimfleet.scheduler.source.LdapFixture.personDn;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestSecurity;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Full reads, polls, the guard and failures against UnboundID's in-memory directory server. */
class SourceReadTest {
  private LdapFixture ldap;
  private final Stores stores = Stores.inMemory();
  private final InMemorySourceStore store = new InMemorySourceStore();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private SourceRegistry registry;
  private SourceRunner runner;

  @BeforeEach
  void startDirectory() throws Exception {
    ldap = new LdapFixture();
    SourcePasswords passwords =
        new SourcePasswords(TestSecurity.settings().secrets(), LdapFixture.variables()::get);
    registry = new SourceRegistry(store, stores.directory(), passwords);
    runner =
        new SourceRunner(
            store,
            stores.directory(),
            passwords,
            new SourceMetrics(meters),
            Clock.systemUTC(),
            "s1");
    ldap.person("bob", "displayName: Bob Boss", "mail: bob@example.org", "title: CTO");
    ldap.person(
        "alice", "mail: alice@example.org", "title: Engineer", "manager: " + personDn("bob"));
    ldap.server.add(
        "dn: cn=Dis Abled,ou=people," + LdapFixture.BASE,
        "objectClass: user",
        "cn: Dis Abled",
        "sAMAccountName: disabled",
        "userAccountControl: 514");
    ldap.group("engineering", personDn("alice"));
    ldap.group("all", personDn("bob"), groupDn("engineering"));
  }

  @AfterEach
  void stopDirectory() {
    runner.close();
    ldap.close();
  }

  private Source source(SourceRequest request) {
    return registry.put("corp", request);
  }

  private String id(String dn) throws Exception {
    return ldap.entryUuid(dn);
  }

  @Test
  void aFullReadWritesUsersWithTheirDefaultsManagerAndGroupsWithNesting() throws Exception {
    Source source = source(LdapFixture.request(ldap.url()));

    assertThat(runner.read(source, true)).isTrue();

    DirectoryUser alice = stores.directory().user(id(personDn("alice"))).orElseThrow();
    assertThat(alice.username()).isEqualTo("alice");
    assertThat(alice.name()).isEqualTo("alice cn");
    assertThat(alice.email()).isEqualTo("alice@example.org");
    assertThat(alice.active()).isTrue();
    assertThat(alice.attributes())
        .containsEntry("title", "Engineer")
        .containsEntry("familyName", "alice")
        .containsEntry("manager", id(personDn("bob")));
    assertThat(stores.directory().user(id(personDn("bob"))).orElseThrow().name())
        .isEqualTo("Bob Boss");
    DirectoryUser disabled = stores.directory().userByUsername("disabled").orElseThrow();
    assertThat(disabled.active()).isFalse();
    String engineering = id(groupDn("engineering"));
    String all = id(groupDn("all"));
    assertThat(stores.directory().members(engineering)).containsExactly(alice.id());
    assertThat(stores.directory().members(all)).containsExactly(id(personDn("bob")));
    assertThat(stores.directory().memberGroups(all)).containsExactly(engineering);
    SourceStatus status = store.status("corp").orElseThrow();
    assertThat(status.users()).isEqualTo(3);
    assertThat(status.groups()).isEqualTo(2);
    assertThat(status.mode()).isEqualTo("modifyTimestamp");
    assertThat(status.lastError()).isNull();
    assertThat(store.ownerOf(ObjectType.USER, alice.id())).contains("corp");
    assertThat(meters.get(SourceMetrics.OBJECTS).tag("type", "user").gauge().value()).isEqualTo(3);
  }

  @Test
  void pagedReadsFindEveryEntry() throws Exception {
    for (int i = 0; i < 25; i++) ldap.person("user" + i);
    SourceRequest paged = LdapFixture.request(ldap.url());
    Source source =
        source(
            new SourceRequest(
                paged.type(),
                true,
                paged.url(),
                null,
                null,
                paged.bindDn(),
                null,
                null,
                paged.bindPasswordEnv(),
                paged.baseDn(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                4,
                null,
                null,
                null,
                null,
                null));

    runner.read(source, true);

    assertThat(stores.directory().userCount()).isEqualTo(28);
  }

  @Test
  void aPollBringsAModifyAnAddADeleteAndAMembershipChange() throws Exception {
    Source source = source(LdapFixture.request(ldap.url()));
    runner.read(source, true);
    String bob = id(personDn("bob"));

    ldap.server.modify(
        personDn("alice"), new Modification(ModificationType.REPLACE, "mail", "a@example.org"));
    ldap.person("carol", "mail: carol@example.org");
    ldap.server.delete(personDn("bob"));
    ldap.server.modify(
        groupDn("engineering"),
        new Modification(ModificationType.ADD, "member", personDn("carol")));
    assertThat(runner.read(source, false)).isTrue();

    String carol = id(personDn("carol"));
    assertThat(stores.directory().user(id(personDn("alice"))).orElseThrow().email())
        .isEqualTo("a@example.org");
    assertThat(stores.directory().user(carol)).isPresent();
    assertThat(stores.directory().user(bob)).isEmpty();
    assertThat(stores.directory().members(id(groupDn("engineering")))).contains(carol);
    assertThat(store.status("corp").orElseThrow().lastPoll()).isNotNull();
  }

  @Test
  void aFilterNarrowedToNothingHoldsTheDeletionsUntilReleased() throws Exception {
    source(LdapFixture.request(ldap.url()));
    runner.read(store.get("corp").orElseThrow(), true);
    SourceRequest wide = LdapFixture.request(ldap.url());
    Source narrow =
        source(
            new SourceRequest(
                wide.type(),
                true,
                wide.url(),
                null,
                null,
                wide.bindDn(),
                null,
                null,
                wide.bindPasswordEnv(),
                wide.baseDn(),
                null,
                null,
                "(uid=nobody)",
                "(cn=nothing)",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                20,
                null));

    assertThat(runner.read(narrow, true)).isTrue();

    assertThat(stores.directory().userCount()).isEqualTo(3);
    assertThat(stores.directory().groupCount()).isEqualTo(2);
    assertThat(registry.deletions().heldCount("corp")).isEqualTo(5);

    assertThat(registry.deletions().release("corp")).isEqualTo(5);

    assertThat(stores.directory().userCount()).isZero();
    assertThat(store.ownerOf(ObjectType.USER, id(personDn("alice")))).isEmpty();
  }

  @Test
  void aFailedBindDeletesNothingAndTheStatusSaysWhy() throws Exception {
    Source source = source(LdapFixture.request(ldap.url()));
    runner.read(source, true);
    SourcePasswords wrong =
        new SourcePasswords(TestSecurity.settings().secrets(), name -> "not-the-password");
    SourceRunner wrongRunner =
        new SourceRunner(
            store, stores.directory(), wrong, new SourceMetrics(meters), Clock.systemUTC(), "s1");

    assertThat(wrongRunner.read(source, true)).isFalse();

    assertThat(stores.directory().userCount()).isEqualTo(3);
    SourceStatus status = store.status("corp").orElseThrow();
    assertThat(status.lastError()).contains("invalid credentials");
    assertThat(status.failingSince()).isNotNull();
    assertThat(meters.get(SourceMetrics.ERRORS).counter().count()).isEqualTo(1);
  }

  @Test
  void anUnreachableServerDeletesNothingAndTheStatusSaysWhy() throws Exception {
    Source source = source(LdapFixture.request(ldap.url()));
    runner.read(source, true);
    ldap.server.shutDown(true);

    assertThat(runner.read(source, true)).isFalse();
    assertThat(runner.read(source, false)).isFalse();

    assertThat(stores.directory().userCount()).isEqualTo(3);
    assertThat(store.status("corp").orElseThrow().lastError()).contains("no LDAP server answered");
    assertThat(registry.deletions().heldCount("corp")).isZero();
  }

  @Test
  void syncreplOnAServerThatDoesNotAnnounceItFailsSayingSoAndAutoPolls() throws Exception {
    SourceRequest r = LdapFixture.request(ldap.url());
    Source syncrepl =
        source(
            new SourceRequest(
                r.type(),
                true,
                r.url(),
                null,
                null,
                r.bindDn(),
                null,
                null,
                r.bindPasswordEnv(),
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
                "syncrepl",
                null,
                null,
                null));

    assertThat(runner.read(syncrepl, true)).isFalse();
    assertThat(store.status("corp").orElseThrow().lastError())
        .contains("does not announce RFC 4533");
    assertThat(stores.directory().userCount()).isZero();

    assertThat(runner.read(source(LdapFixture.request(ldap.url())), true)).isTrue();
    assertThat(store.status("corp").orElseThrow().mode()).isEqualTo("modifyTimestamp");
  }

  @Test
  void theLeaseHolderReadsAndAnotherSchedulerWaits() throws Exception {
    source(LdapFixture.request(ldap.url()));
    SourceRunner other =
        new SourceRunner(
            store,
            stores.directory(),
            registry.passwords(),
            new SourceMetrics(meters),
            Clock.systemUTC(),
            "s2");

    runner.tick();
    other.tick();

    assertThat(store.status("corp").orElseThrow().readBy()).isEqualTo("s1");
    assertThat(stores.directory().userCount()).isEqualTo(3);
  }
}
