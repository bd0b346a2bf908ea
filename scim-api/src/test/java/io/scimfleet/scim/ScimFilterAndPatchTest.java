package io.scimfleet.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Filters are built, never concatenated; patches take the RFC forms strict servers accept. */
class ScimFilterAndPatchTest {
  @Test
  void stringsAreQuotedAndEscapedNumbersAndBooleansAreNot() {
    assertThat(Filter.eq("userName", "a\"b\\c").render()).isEqualTo("userName eq \"a\\\"b\\\\c\"");
    assertThat(Filter.eq("active", true).render()).isEqualTo("active eq true");
    assertThat(Filter.gt("meta.version", 3).render()).isEqualTo("meta.version gt 3");
  }

  @Test
  void logicalFiltersNestWithParentheses() {
    Filter filter =
        Filter.and(
            Filter.eq("userName", "a"),
            Filter.or(Filter.pr("title"), Filter.not(Filter.eq("active", false))));

    assertThat(filter.render())
        .isEqualTo("userName eq \"a\" and (title pr or not (active eq false))");
  }

  @Test
  void anAttributeThatCouldInjectAnOperatorIsRefused() {
    assertThatThrownBy(() -> Filter.eq("userName eq \"x\" or id", "y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void memberRemovalIsOneRemovePerMemberWithAValuePath() {
    PatchRequest patch =
        PatchRequest.builder().addMembers(List.of("u1", "u2")).removeMember("u\"3").build();

    assertThat(patch.toJson().toString())
        .isEqualTo(
            "{\"schemas\":[\""
                + PatchRequest.SCHEMA
                + "\"],\"Operations\":["
                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"},{\"value\":\"u2\"}]},"
                + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"u\\\\\\\"3\\\"]\"}]}");
  }

  @ParameterizedTest
  @CsvSource({"250, 0, 3", "250, 50, 5", "250, 500, 3", "100, 0, 1", "0, 0, 0"})
  void memberChangesAreChunkedAtTheLowerOfAHundredAndTheTargetLimit(
      int changes, int maxOperations, int requests) {
    List<String> ids = IntStream.range(0, changes).mapToObj(i -> "m" + i).toList();

    List<PatchRequest> patches =
        PatchRequest.memberChanges(
            ids.subList(0, changes / 2), ids.subList(changes / 2, changes), maxOperations);

    assertThat(patches).hasSize(requests);
  }

  @Test
  void addedChildGroupsCarryTheTypeGroupAndUsersNoType() {
    List<PatchRequest> patches =
        PatchRequest.memberChanges(
            List.of("r-user", "r-group"), List.of("r-old"), 0, java.util.Set.of("r-group"));

    assertThat(patches).hasSize(1);
    assertThat(patches.get(0).toJson().toString())
        .contains("{\"value\":\"r-user\"}", "{\"value\":\"r-group\",\"type\":\"Group\"}")
        .contains("members[value eq \\\"r-old\\\"]");
  }
}
