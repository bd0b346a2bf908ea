package io.scimfleet.scheduler.http;

import io.scimfleet.model.DirectoryGroup;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/v1/groups/{id}} and a group line of an import. {@code members} (user
 * ids) and {@code memberGroups} (ids of groups nested in this one) absent keep what the group has;
 * given, they replace it (every one must exist; a nesting must not make a cycle).
 */
record GroupRequest(
    @Nullable String name,
    @Nullable List<String> members,
    @Nullable List<String> memberGroups,
    @Nullable Map<String, @Nullable Object> attributes) {

  DirectoryGroup toGroup(@Nullable String id) {
    String checked = Ids.require("group id", id);
    if (name == null || name.isBlank())
      throw ApiException.badRequest("name is required and must not be empty");
    if (members != null && members.stream().anyMatch(m -> m == null || m.isBlank())) {
      throw ApiException.badRequest("members must be user ids, not null or empty");
    }
    if (memberGroups != null && memberGroups.stream().anyMatch(m -> m == null || m.isBlank())) {
      throw ApiException.badRequest("memberGroups must be group ids, not null or empty");
    }
    return new DirectoryGroup(checked, name.trim(), Attributes.require(attributes));
  }
}
