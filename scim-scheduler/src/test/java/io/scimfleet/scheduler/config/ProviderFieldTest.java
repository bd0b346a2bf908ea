package io.scimfleet.scheduler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.model.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one declaration of the provider's fields: what the API accepts and shows is what openapi.json
 * documents, and each field's value goes from the body through the conversion to the view.
 */
class ProviderFieldTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final SecuritySettings SECURITY = SecuritySettings.fromEnv(Map.of());
  private static final String BASE =
      "{\"baseUrl\":\"https://api.slack.com/scim/v2\",\"tokenEnv\":\"SCIM_TARGET_SLACK\"";

  @Test
  void theApiAcceptsExactlyTheFieldsOpenApiDocuments() throws IOException {
    assertThat(ProviderField.acceptedNames())
        .containsExactlyInAnyOrderElementsOf(documented("ProviderRequest"));
  }

  @Test
  void theApiShowsExactlyTheFieldsOpenApiDocumentsAndNoSecret() throws IOException {
    Provider provider = convert(BASE + "}");

    Map<String, Object> view = ProviderField.view(provider);

    assertThat(view.keySet()).containsExactlyInAnyOrderElementsOf(documented("Provider"));
    assertThat(view).doesNotContainKeys("token", "tokenFile", "tokenEnv");
    assertThat(view.get("credential")).isEqualTo("env:SCIM_TARGET_SLACK");
  }

  @Test
  void anUnknownFieldIsRefusedNamingEveryKnownOne() {
    assertThatThrownBy(() -> read(BASE + ",\"tokn\":\"x\"}"))
        .isInstanceOfSatisfying(
            UnrecognizedPropertyException.class,
            e -> {
              assertThat(e.getPropertyName()).isEqualTo("tokn");
              assertThat(e.getKnownPropertyIds()).hasSize(ProviderField.acceptedNames().size());
            });
  }

  @Test
  void aShownOnlyFieldIsNotAccepted() {
    assertThatThrownBy(() -> read(BASE + ",\"credential\":\"inline\"}"))
        .isInstanceOf(UnrecognizedPropertyException.class);
  }

  @Test
  void aValueOfTheWrongTypeNamesItsField() {
    assertThatThrownBy(() -> read(BASE + ",\"deletionThreshold\":\"many\"}"))
        .isInstanceOfSatisfying(
            MismatchedInputException.class,
            e -> assertThat(e.getPath().get(0).getFieldName()).isEqualTo("deletionThreshold"));
    assertThatThrownBy(() -> read(BASE + ",\"auth\":{\"type\":\"basic\",\"pw\":\"x\"}}"))
        .isInstanceOfSatisfying(
            UnrecognizedPropertyException.class,
            e -> assertThat(e.getPath()).extracting(r -> r.getFieldName()).contains("auth", "pw"));
  }

  @Test
  void aNullIsAnAbsentField() throws IOException {
    assertThat(ProviderField.view(convert(BASE + ",\"deletionThreshold\":null}")))
        .containsEntry("deletionThreshold", Provider.DEFAULT_DELETION_THRESHOLD);
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "enabled            | false           | false",
        "deleteMode         | \"deactivate\"  | deactivate",
        "deletionThreshold  | 10              | 10",
        "userFilter         | \"  \"          | null",
        "fullSyncCron       | \"*/5 * * * *\" | */5 * * * *",
        "maxConcurrency     | 3               | 3",
        "requestsPerMinute  | 60              | 60",
        "scopeGroups        | [\"g1\"]        | [g1]",
        "nestedGroups       | \"native\"      | native",
        "deletionWindow     | \"30m\"         | PT30M",
        "adoptExisting      | false           | false",
        "matchOn            | {\"users\":\"externalId\"} | MatchOn[users=externalId, groups=displayName]",
        "profile            | \"slack\"       | slack",
        "syncPasswords      | true            | true",
        "bulk               | \"off\"         | off",
        "driftCheck         | \"off\"         | off",
        "deleteUnmanaged    | true            | true",
        "pageSize           | 250             | 250",
        "driftCheckCron     | \"0 4 * * *\"   | 0 4 * * *",
      })
  void aFieldGoesFromTheBodyToTheView(String field, String json, String shown) throws IOException {
    Provider provider = convert(BASE + ",\"" + field + "\":" + json + "}");

    assertThat(String.valueOf(ProviderField.view(provider).get(field))).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "deletionThreshold | 101        | deletionThreshold must be a percentage from 0 to 100, not 101",
        "maxConcurrency    | 0          | maxConcurrency must be at least 1, not 0",
        "pageSize          | 0          | pageSize must be from 1 to 1000 objects per full-sync page, not 0",
        "memberPatchChunk  | 1001       | memberPatchChunk must be from 1 to 1000 membership changes, not 1001",
        "matchOn           | {\"x\":\"y\"} | matchOn takes \"users\" and \"groups\", not 'x'",
        "scopeGroups       | [\"\"]     | scopeGroups must be group ids, not null or empty",
        "deletionWindow    | \"-1h\"    | deletionWindow must be a positive duration such as 30m, 1h, 1d or PT1H, not '-1h'",
        "userMappings      | [{}]       | userMappings[0] needs a name and an expression",
      })
  void aWrongValueSaysWhatToFix(String field, String json, String message) {
    assertThatThrownBy(() -> convert(BASE + ",\"" + field + "\":" + json + "}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void aRequestPrintsWithoutItsToken() {
    assertThat(ProviderRequests.bearer("https://x.example", "s3cret").toString())
        .isEqualTo("ProviderRequest[https://x.example token=***]");
  }

  private static ProviderRequest read(String json) throws IOException {
    return JSON.readValue(json, ProviderRequest.class);
  }

  private static Provider convert(String json) throws IOException {
    return ProviderConversion.toProvider("slack", read(json), SECURITY);
  }

  private static List<String> documented(String schema) throws IOException {
    try (InputStream in =
        ProviderFieldTest.class.getResourceAsStream("/io/scimfleet/scheduler/http/openapi.json")) {
      JsonNode properties =
          JSON.readTree(in).path("components").path("schemas").path(schema).path("properties");
      List<String> names = new ArrayList<>();
      properties.fieldNames().forEachRemaining(names::add);
      assertThat(names).as(schema + " in openapi.json").isNotEmpty();
      return names;
    }
  }
}
