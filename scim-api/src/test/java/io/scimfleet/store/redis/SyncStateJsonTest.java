package io.scimfleet.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The token reader and writer give what Jackson's binding gives, for every shape the stores write.
 */
class SyncStateJsonTest {

  @Test
  void readsWhatTheStoreWritesExactlyAsTheMapperDoes() {
    List<ObjectSyncState> states =
        List.of(
            ObjectSyncState.builder("p", ObjectType.USER, "u1")
                .remoteId("R-1")
                .version("W/\"3\"")
                .payloadHash("abc")
                .time(Instant.parse("2025-01-01T00:00:00Z"))
                .outcome(SyncOutcome.CREATED)
                .pathsSent(List.of("userName", "name"))
                .build(),
            ObjectSyncState.builder("p", ObjectType.GROUP, "g1")
                .remoteId("R-2")
                .payloadHash("def")
                .membersSent(List.of("R-1", "R-3"))
                .time(Instant.parse("2026-12-01T17:46:36.120Z"))
                .outcome(SyncOutcome.UPDATED)
                .build(),
            ObjectSyncState.builder("p", ObjectType.USER, "u2")
                .time(Instant.parse("2026-12-01T17:46:36.123456789Z"))
                .outcome(SyncOutcome.FAILED)
                .lastError("POST /Users -> 400 invalidValue: \"name\" \u00e9 \\ too long")
                .build());

    for (ObjectSyncState state : states) {
      String json = StoredSyncState.write(state);
      StoredSyncState fast = SyncStateJson.read(json);
      assertThat(fast).as(json).isNotNull().isEqualTo(RedisJson.read(json, StoredSyncState.class));
      assertThat(StoredSyncState.read(state.provider(), state.type(), state.objectId(), json))
          .isEqualTo(
              state.toBuilder()
                  .membersSent(fast.membersSent())
                  .pathsSent(fast.pathsSent())
                  .password(null)
                  .build());
    }
  }

  @Test
  void writesExactlyWhatTheMapperWrites() {
    List<StoredSyncState> states =
        List.of(
            new StoredSyncState(
                "R-1",
                "W/\"3\"",
                "abc",
                List.of("R-1", "R-2"),
                Instant.parse("2026-12-01T17:46:36.120Z"),
                SyncOutcome.UPDATED,
                "POST /Users -> 400 \"bad\" \u00e9 \\ \n",
                List.of("userName"),
                "delivered"),
            new StoredSyncState(
                null,
                "",
                null,
                List.of(),
                Instant.parse("2025-01-01T00:00:00Z"),
                SyncOutcome.CREATED,
                null,
                null,
                null),
            new StoredSyncState(
                "R-2",
                null,
                "h",
                null,
                Instant.parse("2026-12-01T17:46:36.123456789Z"),
                null,
                "",
                List.of(),
                ""),
            new StoredSyncState(null, null, null, null, null, null, null, null, null));

    for (StoredSyncState state : states) {
      assertThat(SyncStateJson.write(state)).isEqualTo(RedisJson.write(state));
    }
  }

  @Test
  void leavesWhatItDoesNotExpectToTheMapper() {
    assertThat(SyncStateJson.read("{\"r\":\"R-1\",\"t\":1735689600.0}")).isNull();
    assertThat(SyncStateJson.read("[1]")).isNull();
    assertThat(
            StoredSyncState.read("p", ObjectType.USER, "u", "{\"r\":\"R-1\",\"t\":1735689600.0}")
                .time())
        .isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(SyncStateJson.read("{\"r\":\"R-1\",\"x\":{\"new\":[1,2]},\"o\":\"UPDATED\"}"))
        .isEqualTo(
            new StoredSyncState(
                "R-1", null, null, null, null, SyncOutcome.UPDATED, null, null, null));
  }

  @Test
  void parsesInstantsAsInstantParseDoes() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      Instant instant =
          Instant.ofEpochSecond(
              random.nextInt(Integer.MAX_VALUE),
              random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
      String text = instant.toString();
      assertThat(SyncStateJson.instant(text)).as(text).isEqualTo(Instant.parse(text));
    }
    assertThat(SyncStateJson.instant("2025-01-01T00:00:00.5Z"))
        .isEqualTo(Instant.parse("2025-01-01T00:00:00.500Z"));
    assertThat(SyncStateJson.instant("+12025-01-01T00:00:00Z"))
        .isEqualTo(Instant.parse("+12025-01-01T00:00:00Z"));
  }
}
