package io.scimfleet.scheduler.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.ObjectType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SourceStore} does. */
abstract class SourceStoreContractTest {
  protected SourceStore store;

  protected abstract SourceStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  static Source aSource(String name) {
    return new Source(
        name,
        true,
        List.of("ldap://127.0.0.1:389", "ldap://127.0.0.2:389"),
        false,
        null,
        "cn=admin,dc=example,dc=org",
        null,
        null,
        "SCIM_SOURCE_PW",
        "dc=example,dc=org",
        "ou=people,dc=example,dc=org",
        null,
        Source.DEFAULT_USER_FILTER,
        Source.DEFAULT_GROUP_FILTER,
        null,
        Map.of("email", "mail"),
        List.of("title", "manager"),
        null,
        500,
        60,
        ChangeDetection.AUTO,
        60,
        20,
        30);
  }

  @Test
  void sourceRoundTripsWithEverySetting() {
    store.put(aSource("corp"));

    assertThat(store.get("corp")).contains(aSource("corp"));
    assertThat(store.list()).containsExactly(aSource("corp"));
  }

  @Test
  void listIsOrderedByName() {
    store.put(aSource("b"));
    store.put(aSource("a"));

    assertThat(store.list()).extracting(Source::name).containsExactly("a", "b");
  }

  @Test
  void deleteRemovesSettingsAndStatusButKeepsOwnership() {
    store.put(aSource("corp"));
    store.putStatus(
        "corp",
        SourceStatus.initial().failed("bind failed", Instant.parse("2026-01-01T00:00:00Z"), "s1"));
    store.own("corp", ObjectType.USER, Map.of("u1", "uid=a,dc=x"));

    assertThat(store.delete("corp")).isTrue();
    assertThat(store.delete("corp")).isFalse();
    assertThat(store.get("corp")).isEmpty();
    assertThat(store.status("corp")).isEmpty();
    assertThat(store.ownerOf(ObjectType.USER, "u1")).contains("corp");
  }

  @Test
  void statusRoundTrips() {
    SourceStatus status =
        SourceStatus.initial()
            .withMode("modifyTimestamp", "syncprov")
            .failed("no LDAP server answered", Instant.parse("2026-01-01T00:00:00Z"), "s1");

    store.putStatus("corp", status);

    assertThat(store.status("corp")).contains(status);
  }

  @Test
  void ownershipIsKeptPerSourceAndTypeAndAnsweredById() {
    store.own("corp", ObjectType.USER, Map.of("u1", "uid=a,dc=x", "u2", "uid=b,dc=x"));
    store.own("corp", ObjectType.GROUP, Map.of("g1", "cn=g,dc=x"));
    store.own("other", ObjectType.USER, Map.of("u3", "uid=c,dc=y"));

    assertThat(store.owned("corp", ObjectType.USER)).containsOnlyKeys("u1", "u2");
    assertThat(store.ownerOf(ObjectType.GROUP, "g1")).contains("corp");
    assertThat(store.ownerOf(ObjectType.USER, "g1")).isEmpty();
    assertThat(store.ownerOf(ObjectType.USER, "u3")).contains("other");
    assertThat(store.owners(ObjectType.USER, List.of("u1", "u3", "nobody")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("u1", "corp", "u3", "other"));

    store.disown("corp", ObjectType.USER, List.of("u1"));

    assertThat(store.owned("corp", ObjectType.USER)).containsOnlyKeys("u2");
    assertThat(store.ownerOf(ObjectType.USER, "u1")).isEmpty();
  }

  @Test
  void heldDeletionsAreReplacedAndCleared() {
    store.hold("corp", ObjectType.USER, Map.of("u1", "uid=a,dc=x", "u2", "uid=b,dc=x"));
    store.hold("corp", ObjectType.USER, Map.of("u2", "uid=b,dc=x"));

    assertThat(store.held("corp", ObjectType.USER))
        .containsExactlyEntriesOf(Map.of("u2", "uid=b,dc=x"));
    assertThat(store.held("corp", ObjectType.GROUP)).isEmpty();

    store.hold("corp", ObjectType.USER, Map.of());

    assertThat(store.held("corp", ObjectType.USER)).isEmpty();
  }

  @Test
  void oneHolderHasTheLeaseUntilItIsReleased() {
    assertThat(store.lease("corp", "s1", Duration.ofMinutes(1))).isTrue();
    assertThat(store.lease("corp", "s1", Duration.ofMinutes(1))).isTrue();
    assertThat(store.lease("corp", "s2", Duration.ofMinutes(1))).isFalse();

    store.releaseLease("corp", "s2");
    assertThat(store.lease("corp", "s2", Duration.ofMinutes(1))).isFalse();

    store.releaseLease("corp", "s1");
    assertThat(store.lease("corp", "s2", Duration.ofMinutes(1))).isTrue();
  }

  @Test
  void aReadRequestIsTakenOnce() {
    assertThat(store.takeReadRequest("corp")).isFalse();

    store.requestRead("corp");

    assertThat(store.takeReadRequest("corp")).isTrue();
    assertThat(store.takeReadRequest("corp")).isFalse();
  }
}
