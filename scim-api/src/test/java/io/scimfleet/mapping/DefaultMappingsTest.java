package io.scimfleet.mapping;

import static io.scimfleet.mapping.JsonAssertions.json;
import static io.scimfleet.mapping.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.PropertyMapping;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultMappingsTest {
  private static final Mappings USERS = Mappings.compile(DefaultMappings.users());
  private static final Mappings GROUPS = Mappings.compile(DefaultMappings.groups());

  @Test
  void eachDefaultIsItsOwnNamedMapping() {
    assertThat(USERS.names())
        .containsExactly(
            "00-schemas",
            "10-userName",
            "20-externalId",
            "30-name",
            "40-displayName",
            "50-emails",
            "60-active",
            "61-title",
            "62-nickName",
            "63-userType",
            "64-preferredLanguage",
            "65-locale",
            "66-timezone",
            "67-phoneNumbers",
            "68-addresses",
            "80-employeeNumber",
            "81-costCenter",
            "82-organization",
            "83-division",
            "84-department",
            "85-manager");
    assertThat(GROUPS.names())
        .containsExactly("00-schemas", "10-displayName", "20-externalId", "30-members");
  }

  @Test
  void aFullUserMapsToEveryDefaultAttribute() {
    MappingInput ada =
        aUser()
            .withId("u-1")
            .withUsername("ada")
            .named("Ada King Lovelace")
            .withEmail("ada@example.org")
            .input();

    assertThat(USERS.map(ada))
        .isEqualTo(
            json(
                """
        {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'],
         'userName': 'ada',
         'externalId': 'u-1',
         'name': {'formatted': 'Ada King Lovelace', 'givenName': 'Ada', 'familyName': 'King Lovelace'},
         'displayName': 'Ada King Lovelace',
         'emails': [{'value': 'ada@example.org', 'type': 'work', 'primary': true}],
         'active': true}"""));
  }

  @Test
  void aMinimalUserHasNoNameAndNoEmails() {
    MappingInput minimal = aUser().withId("u-2").withUsername("grace").inactive().input();

    assertThat(USERS.map(minimal))
        .isEqualTo(
            json(
                """
        {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'],
         'userName': 'grace',
         'externalId': 'u-2',
         'displayName': 'grace',
         'active': false}"""));
  }

  @Test
  void givenAndFamilyNameAttributesWinOverSplittingTheName() {
    MappingInput user =
        aUser()
            .named("Ada Lovelace")
            .with("givenName", "Augusta")
            .with("familyName", "King")
            .input();

    assertThat(USERS.map(user).get("name"))
        .isEqualTo(json("{'formatted':'Ada Lovelace','givenName':'Augusta','familyName':'King'}"));
  }

  @Test
  void aOneWordNameIsOnlyTheFormattedName() {
    assertThat(USERS.map(aUser().named("Cher").input()).get("name"))
        .isEqualTo(json("{'formatted':'Cher'}"));
  }

  @Test
  void nameAttributesAloneMakeAName() {
    MappingInput user = aUser().with("givenName", "Ada").with("familyName", "Lovelace").input();

    assertThat(USERS.map(user).get("name"))
        .isEqualTo(json("{'givenName':'Ada','familyName':'Lovelace'}"));
  }

  @Test
  void aGroupMapsItsSyncedMembersToTheirRemoteIds() {
    MappingInput group =
        MappingInput.group(
            DirectoryGroup.of("g-1", "Engineers"),
            List.of(new GroupMember("u-1", "r-101"), new GroupMember("u-2", "r-102")));

    assertThat(GROUPS.map(group))
        .isEqualTo(
            json(
                """
        {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'],
         'displayName': 'Engineers',
         'externalId': 'g-1',
         'members': [{'value': 'r-101'}, {'value': 'r-102'}]}"""));
  }

  @Test
  void aGroupWithOneMemberStillHasAMembersArray() {
    MappingInput group =
        MappingInput.group(
            DirectoryGroup.of("g-1", "Solo"), List.of(new GroupMember("u-1", "r-1")));

    assertThat(GROUPS.map(group).get("members")).isEqualTo(json("[{'value':'r-1'}]"));
  }

  @Test
  void aGroupWithoutSyncedMembersHasAnEmptyMembersArray() {
    MappingInput group = MappingInput.group(DirectoryGroup.of("g-1", "Empty"), List.of());

    assertThat(GROUPS.map(group).get("members")).isEqualTo(json("[]"));
  }

  @Test
  void anOverrideReplacesTheDefaultOfTheSameName() {
    List<PropertyMapping> mappings =
        DefaultMappings.overlay(
            DefaultMappings.users(),
            List.of(
                new PropertyMapping("10-userName", "{'userName': email}"),
                new PropertyMapping("61-title", "{'title': $uppercase(attributes.title)}")));

    assertThat(mappings).hasSize(DefaultMappings.users().size());
    ObjectNodeAssert.assertThat(
            Mappings.compile(mappings)
                .map(
                    aUser()
                        .withUsername("ada")
                        .withEmail("ada@example.org")
                        .with("title", "Countess")
                        .input()))
        .hasText("userName", "ada@example.org")
        .hasText("title", "COUNTESS");
  }

  private static final Set<String> ENTERPRISE = Set.of(DefaultMappings.ENTERPRISE_USER_SCHEMA);
  private static final UserTarget.Manager ON_TARGET = new UserTarget.Manager("u-9", "R-9");

  /**
   * One row per attribute: the user's {@code attributes}, whether the target announces the
   * Enterprise User extension, whether the manager is on the target, and what the resource gets
   * beyond the core defaults ({@code userName}, {@code externalId}, {@code displayName}, {@code
   * active}); {@code {}} when nothing.
   */
  static Stream<Arguments> attributes() {
    String urn = DefaultMappings.ENTERPRISE_USER_SCHEMA;
    String both = "'schemas': ['" + DefaultMappings.CORE_USER_SCHEMA + "', '" + urn + "'], ";
    return Stream.of(
        row("{'title': 'Countess'}", false, false, "{'title': 'Countess'}"),
        row("{'title': ''}", true, false, "{}"),
        row("{'nickName': 'Ada'}", false, false, "{'nickName': 'Ada'}"),
        row("{'userType': 'Employee'}", false, false, "{'userType': 'Employee'}"),
        row("{'preferredLanguage': 'en-GB'}", false, false, "{'preferredLanguage': 'en-GB'}"),
        row("{'locale': 'en-GB'}", false, false, "{'locale': 'en-GB'}"),
        row("{'timezone': 'Europe/London'}", false, false, "{'timezone': 'Europe/London'}"),
        row(
            "{'phoneNumbers': [{'value': '+44 20 7946 0000', 'type': 'work'}]}",
            false,
            false,
            "{'phoneNumbers': [{'value': '+44 20 7946 0000', 'type': 'work'}]}"),
        row(
            "{'phoneNumbers': [{'value': '1', 'type': 'work'}, {'value': '2', 'type': 'mobile'}]}",
            false,
            false,
            "{'phoneNumbers': [{'value': '1', 'type': 'work'}, {'value': '2', 'type': 'mobile'}]}"),
        row(
            "{'addresses': [{'locality': 'London', 'country': 'GB'}]}",
            false,
            false,
            "{'addresses': [{'locality': 'London', 'country': 'GB'}]}"),
        row(
            "{'employeeNumber': '1815'}",
            true,
            false,
            "{" + both + "'" + urn + "': {'employeeNumber': '1815'}}"),
        row(
            "{'costCenter': 'CC-7'}",
            true,
            false,
            "{" + both + "'" + urn + "': {'costCenter': 'CC-7'}}"),
        row(
            "{'organization': 'Analytical'}",
            true,
            false,
            "{" + both + "'" + urn + "': {'organization': 'Analytical'}}"),
        row(
            "{'division': 'Engines'}",
            true,
            false,
            "{" + both + "'" + urn + "': {'division': 'Engines'}}"),
        row(
            "{'department': 'R&D'}",
            true,
            false,
            "{" + both + "'" + urn + "': {'department': 'R&D'}}"),
        row(
            "{'manager': 'u-9'}",
            true,
            true,
            "{" + both + "'" + urn + "': {'manager': {'value': 'R-9'}}}"),
        row(
            "{'department': 'R&D', 'costCenter': 'CC-7', 'manager': 'u-9'}",
            true,
            true,
            "{"
                + both
                + "'"
                + urn
                + "': {'costCenter': 'CC-7', 'department': 'R&D', 'manager': {'value': 'R-9'}}}"),
        row("{'manager': 'u-9'}", true, false, "{}"),
        row("{'department': 'R&D', 'manager': 'u-9'}", false, true, "{}"),
        row("{'department': ''}", true, false, "{}"),
        row(
            "{'employeeNumber': 1815, 'costCenter': 4711}",
            true,
            false,
            "{" + both + "'" + urn + "': {'employeeNumber': '1815', 'costCenter': '4711'}}"),
        row("{}", true, false, "{}"));
  }

  private static Arguments row(
      String attributes, boolean announced, boolean managerOnTarget, String expected) {
    return Arguments.of(attributes, announced, managerOnTarget, expected);
  }

  @ParameterizedTest(name = "{0}, announced {1}, manager on target {2} -> {3}")
  @MethodSource("attributes")
  void eachAttributeMapsAsTheTableSays(
      String attributes, boolean announced, boolean managerOnTarget, String expected)
      throws Exception {
    TestUsers user = aUser().withId("u-1").withUsername("ada");
    new ObjectMapper()
        .readValue(json(attributes).toString(), new TypeReference<Map<String, Object>>() {})
        .forEach(user::with);
    ObjectNode core =
        (ObjectNode)
            json(
                "{'schemas': ['"
                    + DefaultMappings.CORE_USER_SCHEMA
                    + "'], 'userName': 'ada', 'externalId': 'u-1', 'displayName': 'ada', 'active': true}");
    ObjectNode want = core.setAll((ObjectNode) json(expected));
    MappingInput input =
        user.inputFor(announced ? ENTERPRISE : Set.of(), managerOnTarget ? ON_TARGET : null);

    assertThat(USERS.map(input)).isEqualTo(want);
    assertThat(Mappings.compile(DefaultMappings.users(), false).map(input)).isEqualTo(want);
  }

  @Test
  void withoutATargetNoExtensionIsSent() {
    MappingInput input = aUser().with("department", "R&D").with("manager", "u-9").input();

    assertThat(USERS.map(input).has(DefaultMappings.ENTERPRISE_USER_SCHEMA)).isFalse();
  }

  @Test
  void anExtensionAMappingDeclaresItselfIsListedOnce() {
    List<PropertyMapping> mappings =
        DefaultMappings.overlay(
            DefaultMappings.users(),
            List.of(
                new PropertyMapping(
                    "70-enterprise",
                    "{'schemas': ['"
                        + DefaultMappings.ENTERPRISE_USER_SCHEMA
                        + "'], '"
                        + DefaultMappings.ENTERPRISE_USER_SCHEMA
                        + "': {'employeeNumber': $string(attributes.employeeNumber)}}")));
    MappingInput input =
        aUser().with("employeeNumber", 1234).with("department", "R&D").inputFor(ENTERPRISE, null);

    assertThat(Mappings.compile(mappings).map(input).get("schemas"))
        .isEqualTo(
            json(
                "['"
                    + DefaultMappings.CORE_USER_SCHEMA
                    + "', '"
                    + DefaultMappings.ENTERPRISE_USER_SCHEMA
                    + "']"));
  }
}
