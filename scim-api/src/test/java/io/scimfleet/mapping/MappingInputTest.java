package io.scimfleet.mapping;

import static io.scimfleet.mapping.TestUsers.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.DirectoryGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingInputTest {

  @Test
  void aUserBecomesItsFieldsAndAttributes() {
    MappingInput input =
        aUser()
            .withId("u-1")
            .withUsername("ada")
            .named("Ada")
            .withEmail("a@x.org")
            .with("department", "R&D")
            .input();

    assertThat(input.json())
        .isEqualTo(
            Map.of(
                "id",
                "u-1",
                "username",
                "ada",
                "name",
                "Ada",
                "email",
                "a@x.org",
                "active",
                true,
                "attributes",
                Map.of("department", "R&D")));
  }

  @Test
  void fieldsThatAreNullAreLeftOut() {
    assertThat(aUser().withId("u-2").withUsername("grace").inactive().input().json())
        .isEqualTo(
            Map.of("id", "u-2", "username", "grace", "active", false, "attributes", Map.of()));
  }

  @Test
  void aGroupCarriesItsSyncedMembersWithTheirRemoteIds() {
    MappingInput input =
        MappingInput.group(DirectoryGroup.of("g-1", "Eng"), List.of(new GroupMember("u-1", "r-1")));

    assertThat(input.json())
        .isEqualTo(
            Map.of(
                "id",
                "g-1",
                "name",
                "Eng",
                "attributes",
                Map.of(),
                "members",
                List.of(Map.of("id", "u-1", "remoteId", "r-1"))));
  }
}
