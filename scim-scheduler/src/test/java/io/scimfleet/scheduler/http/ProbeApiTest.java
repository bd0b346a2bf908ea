package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.store.ProbeStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The probe routes with no worker: the route waits its 30 s, answers 202 with the report's address,
 * and that address answers the report once a worker wrote it.
 */
class ProbeApiTest {
  private final ApiFixture fixture = ApiFixture.inMemory();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void withoutAWorkerTheProbeIsQueuedAndItsReportReadLater() {
    putProvider("crm", "");

    ApiClient.Answer queued = fixture.api.post("/api/v1/providers/crm/probe", "");

    assertThat(queued.status()).as(queued.body()).isEqualTo(202);
    String probeId = queued.json().path("probeId").asText();
    String address = queued.json().path("report").asText();
    assertThat(address).isEqualTo("/api/v1/providers/crm/probe/" + probeId);
    assertThat(fixture.api.get(address).status()).as("not written yet").isEqualTo(404);

    fixture
        .stores
        .probes()
        .put("crm", probeId, "{\"probeId\":\"" + probeId + "\"}", ProbeStore.TTL);
    ApiClient.Answer report = fixture.api.get(address);
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.json().path("probeId").asText()).isEqualTo(probeId);
  }

  @Test
  void aDryRunProviderIsNotProbedAndABadProbeIdIsNotFound() {
    putProvider("quiet", ",\"dryRun\":true");

    ApiClient.Answer refused = fixture.api.post("/api/v1/providers/quiet/probe", "");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("dry run");
    JsonNode notFound = fixture.api.get("/api/v1/providers/quiet/probe/..%2F..").json();
    assertThat(notFound.toString()).contains("UUID");
  }

  private void putProvider(String name, String extra) {
    ApiClient.Answer put =
        fixture.api.put(
            "/api/v1/providers/" + name,
            "{\"baseUrl\":\"https://scim.example.com/v2\",\"tokenEnv\":\"SCIM_TARGET_T\""
                + extra
                + "}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
  }
}
