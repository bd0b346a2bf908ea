package io.scimfleet.mapping;

import static io.scimfleet.testing.GroupBuilder.aGroup;
import static io.scimfleet.testing.ProviderBuilder.aProvider;
import static io.scimfleet.testing.UserBuilder.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.ProviderBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One scope decision, asked four ways (the worker's one by one, the preview's with reasons, the
 * clean-up's batch and the change router's batch with the users' groups given): all decide alike.
 */
class ObjectScopeTest {
  private final DirectoryStore directory = Stores.inMemory().directory();

  @ParameterizedTest(name = "scoped to {0}: {1} {2} -> by filter {3}, through {4}, in scope {5}")
  @CsvSource({
    // scopeGroups, type, id,   byFilter (active = true), through group, inScope
    "root, USER,  deep,          true,  leaf,  true",
    "root, USER,  inactive-deep, false, leaf,  false",
    "root, USER,  outsider,      true,  ,      false",
    "root, USER,  root-member,   true,  root,  true",
    "root, GROUP, leaf,          true,  leaf,  true",
    "root, GROUP, elsewhere,     true,  ,      false",
    ",     USER,  outsider,      true,  ,      true",
    ",     USER,  inactive-deep, false, ,      false",
    ",     GROUP, elsewhere,     true,  ,      true",
  })
  void everyWayOfAskingDecidesAlike(
      String scopeGroup,
      ObjectType type,
      String id,
      boolean byFilter,
      String throughGroup,
      boolean inScope) {
    aDirectoryWithNestedGroups();
    ProviderBuilder builder = aProvider("p").withUserFilter("active = true");
    if (scopeGroup != null) builder.scopedTo(scopeGroup);
    ObjectScope scope = ProviderMappings.scope(builder.build(), type, directory);
    MappingInput input =
        type == ObjectType.USER
            ? MappingInput.user(directory.user(id).orElseThrow())
            : MappingInput.group(directory.group(id).orElseThrow(), List.of());

    ObjectScope.Verdict verdict = scope.verdict(input);

    assertThat(verdict.byFilter()).as("by filter").isEqualTo(byFilter);
    assertThat(verdict.byGroup().map(ScopeGroups.Reason::group).orElse(null))
        .as("through group")
        .isEqualTo(throughGroup);
    assertThat(verdict.inScope()).as("the preview's verdict").isEqualTo(inScope);
    assertThat(scope.includes(input)).as("the worker's check").isEqualTo(inScope);
    assertThat(scope.idsInScope(List.of(input)).contains(id))
        .as("the clean-up's batch")
        .isEqualTo(inScope);
    assertThat(scope.idsInScope(List.of(input), directory.groupsOf(List.of(id))).contains(id))
        .as("the router's batch, the users' groups given")
        .isEqualTo(inScope);
  }

  private void aDirectoryWithNestedGroups() {
    directory.putUser(aUser("deep").build());
    directory.putUser(aUser("root-member").build());
    directory.putUser(aUser("inactive-deep").inactive().build());
    directory.putUser(aUser("outsider").build());
    directory.putGroup(aGroup("leaf").build(), List.of("deep", "inactive-deep"));
    directory.putGroup(aGroup("root").build(), List.of("root-member"), List.of("leaf"));
    directory.putGroup(aGroup("elsewhere").build(), List.of("outsider"));
  }

  @Test
  void idsInScopeAgreeWithIncludesForScopedUsersAndGroups() {
    aDirectoryWithNestedGroups();
    Provider provider = aProvider("p").scopedTo("root").withUserFilter("active = true").build();

    ObjectScope users = ProviderMappings.scope(provider, ObjectType.USER, directory);
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

    ObjectScope groups = ProviderMappings.scope(provider, ObjectType.GROUP, directory);
    List<MappingInput> groupInputs =
        directory.groups(List.of("leaf", "root", "elsewhere")).stream()
            .map(group -> MappingInput.group(group, List.of()))
            .toList();
    assertThat(groups.idsInScope(groupInputs)).containsExactlyInAnyOrder("leaf", "root");
  }
}
