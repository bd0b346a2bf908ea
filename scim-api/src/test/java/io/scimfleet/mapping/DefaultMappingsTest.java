package io.scimfleet.mapping;

import static io.scimfleet.mapping.JsonAssertions.json;
import static io.scimfleet.mapping.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.PropertyMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

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
            "60-active");
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
                new PropertyMapping("70-title", "{'title': attributes.title}")));

    assertThat(mappings).hasSize(8);
    ObjectNodeAssert.assertThat(
            Mappings.compile(mappings)
                .map(
                    aUser()
                        .withUsername("ada")
                        .withEmail("ada@example.org")
                        .with("title", "Countess")
                        .input()))
        .hasText("userName", "ada@example.org")
        .hasText("title", "Countess");
  }
}
