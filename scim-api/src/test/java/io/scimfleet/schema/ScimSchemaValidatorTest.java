package io.scimfleet.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimfleet.model.ObjectType;
import org.junit.jupiter.api.Test;

class ScimSchemaValidatorTest {
  private static final ScimSchemaValidator VALIDATOR = new ScimSchemaValidator();
  private static final String CORE = "'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User']";
  private static final String WITH_ENTERPRISE =
      "'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User', "
          + "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']";
  private static final String GROUP = "'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group']";

  private static JsonNode json(String singleQuoted) {
    try {
      return new ObjectMapper().readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }

  private static Violation violation(String path, String reason) {
    return new Violation(path, reason);
  }

  @Test
  void aCompleteUserIsValid() {
    JsonNode user =
        json(
            "{"
                + CORE
                + ", 'userName': 'ada', 'externalId': 'u-1', 'active': true,"
                + " 'name': {'givenName': 'Ada', 'familyName': 'Lovelace'},"
                + " 'emails': [{'value': 'ada@example.org', 'type': 'work', 'primary': true}],"
                + " 'addresses': [{'locality': 'London', 'primary': false}],"
                + " 'meta': {'resourceType': 'User'}, 'urn:example:custom': {'anything': 1}}");

    assertThat(VALIDATOR.validate(ObjectType.USER, user)).isEmpty();
  }

  @Test
  void aMissingUserNameIsReportedAtItsPath() {
    assertThat(VALIDATOR.validate(ObjectType.USER, json("{" + CORE + "}")))
        .containsExactly(violation("$.userName", "is missing but it is required"));
  }

  @Test
  void activeAsTheStringTrueIsNotABoolean() {
    assertThat(
            VALIDATOR.validate(
                ObjectType.USER, json("{" + CORE + ", 'userName': 'ada', 'active': 'True'}")))
        .containsExactly(violation("$.active", "string found, boolean expected"));
  }

  @Test
  void emailsAsAnObjectIsNotAnArray() {
    JsonNode user =
        json("{" + CORE + ", 'userName': 'ada', 'emails': {'value': 'ada@example.org'}}");

    assertThat(VALIDATOR.validate(ObjectType.USER, user))
        .containsExactly(violation("$.emails", "object found, array expected"));
  }

  @Test
  void anEmailValueMustBeAString() {
    JsonNode user =
        json("{" + CORE + ", 'userName': 'ada', 'emails': [{'value': 42, 'primary': 'yes'}]}");

    assertThat(VALIDATOR.validate(ObjectType.USER, user))
        .containsExactly(
            violation("$.emails[0].primary", "string found, boolean expected"),
            violation("$.emails[0].value", "integer found, string expected"));
  }

  @Test
  void schemasMustListTheCoreSchema() {
    JsonNode user = json("{'schemas': ['urn:example:other'], 'userName': 'ada'}");

    assertThat(VALIDATOR.validate(ObjectType.USER, user))
        .extracting(Violation::path)
        .containsExactly("$.schemas");
  }

  @Test
  void aGroupMemberWithoutValueIsReportedAtItsPath() {
    JsonNode group =
        json(
            "{"
                + GROUP
                + ", 'displayName': 'Eng', 'members': [{'value': 'r-1'}, {'display': 'x'}]}");

    assertThat(VALIDATOR.validate(ObjectType.GROUP, group))
        .containsExactly(violation("$.members[1].value", "is missing but it is required"));
  }

  @Test
  void aGroupNeedsADisplayName() {
    assertThat(VALIDATOR.validate(ObjectType.GROUP, json("{" + GROUP + ", 'members': []}")))
        .containsExactly(violation("$.displayName", "is missing but it is required"));
  }

  @Test
  void aMemberRefMustBeAString() {
    JsonNode group =
        json("{" + GROUP + ", 'displayName': 'Eng', 'members': [{'value': 'r-1', '$ref': 7}]}");

    assertThat(VALIDATOR.validate(ObjectType.GROUP, group))
        .containsExactly(violation("$.members[0].$ref", "integer found, string expected"));
  }

  @Test
  void aDeclaredEnterpriseExtensionIsValidatedToo() {
    JsonNode user =
        json(
            "{"
                + WITH_ENTERPRISE
                + ", 'userName': 'ada',"
                + " 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':"
                + " {'employeeNumber': 1234, 'department': 'R&D', 'manager': {'value': true}}}");

    assertThat(VALIDATOR.validate(ObjectType.USER, user))
        .containsExactly(
            violation(
                "$['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'].employeeNumber",
                "integer found, string expected"),
            violation(
                "$['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'].manager.value",
                "boolean found, string expected"));
  }

  @Test
  void aValidEnterpriseExtensionPasses() {
    JsonNode user =
        json(
            "{"
                + WITH_ENTERPRISE
                + ", 'userName': 'ada',"
                + " 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {'employeeNumber': '1234'}}");

    assertThat(VALIDATOR.validate(ObjectType.USER, user)).isEmpty();
  }

  @Test
  void anUndeclaredEnterpriseObjectIsLeftAloneLikeAnyUnknownExtension() {
    JsonNode user =
        json(
            "{"
                + CORE
                + ", 'userName': 'ada',"
                + " 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {'employeeNumber': 1234}}");

    assertThat(VALIDATOR.validate(ObjectType.USER, user)).isEmpty();
  }

  @Test
  void requireValidListsEveryViolationInItsMessage() {
    JsonNode user = json("{" + CORE + ", 'active': 'True'}");

    assertThatThrownBy(() -> VALIDATOR.requireValid(ObjectType.USER, user))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "invalid SCIM user: $.active: string found, boolean expected;"
                + " $.userName: is missing but it is required")
        .satisfies(e -> assertThat(((ValidationException) e).retryable()).isFalse())
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(2));
  }

  @Test
  void requireValidAcceptsAValidGroup() {
    VALIDATOR.requireValid(
        ObjectType.GROUP,
        json("{" + GROUP + ", 'displayName': 'Eng', 'members': [{'value': 'r'}]}"));
  }
}
