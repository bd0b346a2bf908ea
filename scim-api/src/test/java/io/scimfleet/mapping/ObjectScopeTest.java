package io.scimfleet.mapping;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.Stores;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The clean-up's batch scope check decides exactly as the one-by-one check. */
class ObjectScopeTest {
  private final DirectoryStore directory = Stores.inMemory().directory();

  @Test
  void idsInScopeAgreeWithIncludesForScopedUsersAndGroups() {
    directory.putUser(aUser("deep").build());
    directory.putUser(aUser("root-member").build());
    directory.putUser(aUser("inactive-deep").inactive().build());
    directory.putUser(aUser("outsider").build());
    directory.putGroup(aGroup("leaf").build(), List.of("deep", "inactive-deep"));
    directory.putGroup(aGroup("root").build(), List.of("root-member"), List.of("leaf"));
    directory.putGroup(aGroup("elsewhere").build(), List.of("outsider"));
    Provider provider = aProvider("p").scopedTo("root").withUserFilter("active = true").build();

    ObjectScope users =
        ProviderMappings.scope(provider, ObjectType.USER, directory, MappingLimits.defaults());
    List<MappingInput> userInputs =
        directory.users(List.of("deep", "root-member", "inactive-deep", "outsider")).stream()
            .map(MappingInput::user)
            .toList();
    assertThat(users.idsInScope(userInputs))
        .containsExactlyInAnyOrder("deep", "root-member")
        .containsExactlyInAnyOrderElementsOf(
            userInputs.stream()
                .filter(users::includes)
                .map(input -> String.valueOf(input.json().get("id")))
                .toList());

    ObjectScope groups =
        ProviderMappings.scope(provider, ObjectType.GROUP, directory, MappingLimits.defaults());
    List<MappingInput> groupInputs =
        directory.groups(List.of("leaf", "root", "elsewhere")).stream()
            .map(group -> MappingInput.group(group, List.of()))
            .toList();
    assertThat(groups.idsInScope(groupInputs)).containsExactlyInAnyOrder("leaf", "root");
  }
}
