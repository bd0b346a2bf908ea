package io.scimfleet.scheduler.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.config.ImportLimits;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestSecurity;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImportApiTest {
  private final ApiFixture fixture = ApiFixture.inMemory();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void tenThousandLinesStreamInAndBadLinesAreReportedByNumber() {
    ApiClient.Answer answer = importLines(generated(10_000));

    assertThat(answer.status()).isEqualTo(200);
    JsonNode result = answer.json();
    // every 1000th line (1000, 2000, ...) is bad: 10 errors; line 5000 is a group line
    assertThat(result.path("errorCount").asLong()).isEqualTo(10);
    assertThat(result.path("users").asLong()).isEqualTo(9_990 - 10);
    assertThat(result.path("groups").asLong()).isEqualTo(10);
    assertThat(result.path("errors").get(0).path("line").asLong()).isEqualTo(1000);
    assertThat(result.path("errors").get(0).path("error").asText())
        .contains("username is required");
    assertThat(fixture.stores.directory().userCount()).isEqualTo(9_980);
    assertThat(fixture.stores.directory().members("g5")).hasSize(3);
  }

  @Test
  void aGroupMayNameMembersThatComeLaterInTheFile() {
    ApiClient.Answer answer =
        importLines(
            """
        {"type":"group","id":"g1","name":"Early","members":["u1","u2"]}
        {"type":"user","id":"u1","username":"ada"}
        {"type":"user","id":"u2","username":"alan"}
        """);

    assertThat(answer.json().path("groups").asLong()).isEqualTo(1);
    assertThat(fixture.stores.directory().members("g1")).containsExactlyInAnyOrder("u1", "u2");
  }

  @Test
  void groupsNestInGroupsThatComeLaterInTheFileAndACycleIsReportedByLine() {
    ApiClient.Answer answer =
        importLines(
            """
        {"type":"group","id":"root","name":"Root","memberGroups":["child"]}
        {"type":"group","id":"child","name":"Child","memberGroups":["root"]}
        {"type":"group","id":"other","name":"Other","memberGroups":["ghost"]}
        """);

    assertThat(answer.json().path("groups").asLong()).isEqualTo(3);
    assertThat(fixture.stores.directory().memberGroups("root")).containsExactly("child");
    assertThat(fixture.stores.directory().memberGroups("child")).isEmpty();
    assertThat(answer.json().path("errors").findValuesAsText("line")).containsExactly("2", "3");
    assertThat(answer.json().path("errors").toString())
        .contains("child → root → child")
        .contains("ghost");
  }

  @Test
  void eachKindOfBadLineIsReportedAndTheRestIsStored() {
    ApiClient.Answer answer =
        importLines(
            """
        {"type":"user","id":"u1","username":"ada"}
        {"type":"user","id":"u2"
        {"type":"robot","id":"r1"}
        {"type":"user","id":"u3","username":"x","shoeSize":44}
        {"type":"group","id":"g1","name":"G","members":["u1","ghost"]}

        {"type":"user","username":"noid"}
        {"type":"group","id":"g2","name":"Fine","members":["u1"]}
        """);

    JsonNode result = answer.json();
    assertThat(result.path("users").asLong()).isEqualTo(1);
    assertThat(result.path("groups").asLong()).isEqualTo(1);
    assertThat(result.path("errors").findValuesAsText("line"))
        .containsExactly("2", "3", "4", "7", "5");
    assertThat(result.path("errors").toString())
        .contains("malformed JSON")
        .contains("\\\"type\\\" must be")
        .contains("unknown field 'shoeSize'")
        .contains("ghost")
        .contains("user id is required");
    assertThat(fixture.stores.directory().group("g1")).isEmpty();
  }

  @Test
  void aNullAttributeIsALineErrorThatSaysWhich() {
    JsonNode result =
        importLines(
                """
        {"type":"user","id":"u1","username":"ada","attributes":{"department":null}}
        {"type":"group","id":"g1","name":"G","attributes":{"cost":null}}
        {"type":"user","id":"u2","username":"alan"}
        """)
            .json();

    assertThat(result.path("users").asLong()).isEqualTo(1);
    assertThat(result.path("groups").asLong()).isZero();
    assertThat(result.path("errors").findValuesAsText("error"))
        .containsExactly(
            "attributes.department is null: leave the attribute out to have none",
            "attributes.cost is null: leave the attribute out to have none");
  }

  @Test
  void theErrorListIsCappedButAllErrorsAreCounted() {
    ApiClient.Answer answer = importLines("not json\n".repeat(250));

    assertThat(answer.json().path("errors").size()).isEqualTo(NdjsonImport.MAX_ERRORS);
    assertThat(answer.json().path("errorCount").asLong()).isEqualTo(250);
  }

  @Test
  void aLineLongerThanTheLimitIsRefusedWithoutHoldingIt() {
    String longLine =
        "{\"type\":\"user\",\"id\":\"u1\",\"username\":\""
            + "x".repeat((int) ApiFixture.MAX_BODY_BYTES)
            + "\"}";

    ApiClient.Answer answer =
        importLines(longLine + "\n{\"type\":\"user\",\"id\":\"u2\",\"username\":\"b\"}\n");

    assertThat(answer.json().path("errors").get(0).path("error").asText()).contains("longer than");
    assertThat(answer.json().path("users").asLong()).isEqualTo(1);
  }

  @Test
  void anotherContentTypeIs415() {
    ApiClient.Answer answer =
        fixture.api.send(
            "POST", "/api/v1/import", BodyPublishers.ofString("{}"), "application/json");

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.error()).contains("application/x-ndjson");
  }

  @Test
  void aBodyThatSaysItIsLargerThanTheByteLimitIs413AndNothingIsStored() {
    try (ApiFixture small =
        new ApiFixture(
            Stores.inMemory(), TestSecurity.settings(), new ImportLimits(1_000, 1_000_000))) {
      ApiClient.Answer answer =
          small.api.send(
              "POST",
              "/api/v1/import",
              BodyPublishers.ofString(
                  "{\"type\":\"user\",\"id\":\"u1\",\"username\":\"ada\"}\n".repeat(40)),
              "application/x-ndjson");

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.error())
          .contains("SCIM_MAX_IMPORT_BYTES (1000 bytes)")
          .contains("nothing was imported");
      assertThat(small.stores.directory().userCount()).isZero();
    }
  }

  @Test
  void aStreamedBodyStopsAtTheByteLimitWith413AndSaysWhatWasStored() {
    try (ApiFixture small =
        new ApiFixture(
            Stores.inMemory(), TestSecurity.settings(), new ImportLimits(100_000, 1_000_000))) {
      ApiClient.Answer answer =
          small.api.send(
              "POST",
              "/api/v1/import",
              BodyPublishers.ofInputStream(() -> generated(10_000)),
              "application/x-ndjson");

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.error()).contains("SCIM_MAX_IMPORT_BYTES (100000 bytes)");
      JsonNode body = answer.json();
      assertThat(body.path("users").asLong())
          .isPositive()
          .isEqualTo(small.stores.directory().userCount());
      assertThat(body.path("groups").asLong()).isZero();
      assertThat(small.stores.directory().members("g1")).isEmpty();
    }
  }

  @Test
  void moreLinesThanTheLineLimitAre413WithTheLimit() {
    try (ApiFixture small =
        new ApiFixture(
            Stores.inMemory(), TestSecurity.settings(), new ImportLimits(1L << 30, 100))) {
      ApiClient.Answer answer =
          small.api.send(
              "POST",
              "/api/v1/import",
              BodyPublishers.ofInputStream(() -> generated(250)),
              "application/x-ndjson");

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.error()).contains("SCIM_MAX_IMPORT_LINES (100)");
      assertThat(answer.json().path("users").asLong()).isEqualTo(100);
      assertThat(small.stores.directory().userCount()).isEqualTo(100);
    }
  }

  private ApiClient.Answer importLines(String ndjson) {
    return fixture.api.send(
        "POST", "/api/v1/import", BodyPublishers.ofString(ndjson), "application/x-ndjson");
  }

  private ApiClient.Answer importLines(InputStream ndjson) {
    return fixture.api.send(
        "POST",
        "/api/v1/import",
        BodyPublishers.ofInputStream(() -> ndjson),
        "application/x-ndjson");
  }

  /**
   * {@code lines} NDJSON lines made as they are read: users, a group every 1000th line + 500, a bad
   * line every 1000th.
   */
  @SuppressWarnings("JdkObsolete") // SequenceInputStream takes an Enumeration
  private static InputStream generated(int lines) {
    return new SequenceInputStream(
        new Enumeration<>() {
          int line = 0;

          @Override
          public boolean hasMoreElements() {
            return line < lines;
          }

          @Override
          public InputStream nextElement() {
            if (line >= lines) throw new NoSuchElementException();
            line++;
            String text;
            if (line % 1000 == 0) text = "{\"type\":\"user\",\"id\":\"bad" + line + "\"}";
            else if (line % 1000 == 500)
              text =
                  "{\"type\":\"group\",\"id\":\"g"
                      + line / 1000
                      + "\",\"name\":\"G\",\"members\":[\"u1\",\"u2\",\"u"
                      + (line + 1)
                      + "\"]}";
            else
              text =
                  "{\"type\":\"user\",\"id\":\"u"
                      + line
                      + "\",\"username\":\"user"
                      + line
                      + "\",\"active\":"
                      + (line % 7 != 0)
                      + "}";
            return new ByteArrayInputStream((text + "\n").getBytes(StandardCharsets.UTF_8));
          }
        });
  }
}
