package io.scimfleet.scheduler.http;

import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncAttempt;
import io.scimfleet.model.SyncTrigger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The history and sync-now routes without a worker: their answers, refusals and the wait that gives
 * up.
 */
class ObjectRoutesTest {
  private static final String CRM =
      "{\"baseUrl\":\"https://crm.example/scim/v2\",\"token\":\"t\"%s}";

  private final ApiFixture fixture = ApiFixture.inMemory();
  private final ApiClient api = fixture.api;

  @BeforeEach
  void provider() {
    assertThat(api.put("/api/v1/providers/crm", CRM.formatted("")).status()).isEqualTo(200);
    fixture.stores.directory().putUser(aUser("u1").build());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void theHistoryListsAttemptsNewestFirstWithEveryField() {
    Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
    fixture
        .stores
        .history()
        .record(
            "crm",
            ObjectType.USER,
            "u1",
            new SyncAttempt(
                t0,
                SyncTrigger.CHANGE,
                "failed",
                List.of(new SyncAttempt.Request("POST", 400)),
                12,
                "POST /Users -> 400 invalidValue: no userName"));
    fixture
        .stores
        .history()
        .record(
            "crm",
            ObjectType.USER,
            "u1",
            new SyncAttempt(
                t0.plusSeconds(60),
                SyncTrigger.MANUAL,
                "created",
                List.of(new SyncAttempt.Request("POST", 201)),
                8,
                null));

    JsonNode history = api.get("/api/v1/providers/crm/objects/users/u1/history").json();

    assertThat(history).hasSize(2);
    assertThat(history.get(0).toString())
        .isEqualTo(
            "{\"time\":\"2025-01-01T00:01:00Z\",\"trigger\":\"manual\","
                + "\"outcome\":\"created\",\"requests\":[{\"method\":\"POST\",\"status\":201}],\"durationMs\":8,\"error\":null}");
    assertThat(history.get(1).path("trigger").asText()).isEqualTo("change");
    assertThat(history.get(1).path("error").asText())
        .isEqualTo("POST /Users -> 400 invalidValue: no userName");
  }

  @Test
  void anObjectNeverAttemptedHasAnEmptyHistory() {
    ApiClient.Answer answer = api.get("/api/v1/providers/crm/objects/groups/nobody/history");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json()).isEmpty();
  }

  @Test
  void deletingTheProviderRemovesItsHistory() {
    fixture
        .stores
        .history()
        .record(
            "crm",
            ObjectType.USER,
            "u1",
            new SyncAttempt(Instant.now(), SyncTrigger.CHANGE, "created", List.of(), 1, null));

    api.delete("/api/v1/providers/crm");

    assertThat(fixture.stores.history().recent("crm", ObjectType.USER, "u1")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /api/v1/providers/nope/objects/users/u1/history, 404",
    "POST, /api/v1/providers/nope/objects/users/u1/sync, 404",
    "POST, /api/v1/providers/crm/objects/users/not-in-directory/sync, 404",
    "POST, /api/v1/providers/crm/objects/groups/u1/sync, 404",
    "POST, /api/v1/providers/crm/objects/things/u1/sync, 400",
    "GET, /api/v1/providers/crm/objects/things/u1/history, 400"
  })
  void unknownProvidersObjectsAndKindsAreRefused(String method, String path, int status) {
    ApiClient.Answer answer = method.equals("GET") ? api.get(path) : api.post(path, "");

    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.json().path("error").asText()).isNotBlank();
  }

  @Test
  void syncNowOfADisabledProviderIs409() {
    api.put("/api/v1/providers/crm", CRM.formatted(",\"enabled\":false"));

    ApiClient.Answer answer = api.post("/api/v1/providers/crm/objects/users/u1/sync", "");

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json().path("error").asText()).contains("disabled");
  }

  @Test
  void syncNowAnswers202WithTheHistoryWhenNoAttemptCameWithinTenSeconds() {
    ApiClient.Answer answer = api.post("/api/v1/providers/crm/objects/users/u1/sync", "");

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.json().path("history").asText())
        .isEqualTo("/api/v1/providers/crm/objects/users/u1/history");
    assertThat(
            fixture
                .jobs
                .storage()
                .getJobList(
                    org.jobrunr.jobs.states.StateName.ENQUEUED,
                    org.jobrunr.storage.Paging.AmountBasedList.ascOnUpdatedAt(10)))
        .extracting(job -> job.getJobName())
        .containsExactly("sync now user u1 → crm");
  }
}
