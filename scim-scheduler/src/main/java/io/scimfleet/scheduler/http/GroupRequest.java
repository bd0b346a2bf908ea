package io.scimfleet.scheduler.http;

import io.scimfleet.model.DirectoryGroup;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT /api/v1/groups/{id}} and a group line of an import. {@code members} (user
 * ids) and {@code memberGroups} (ids of groups nested in this one) absent keep what the group has;
 * given, they replace it (every one must exist; a nesting must not make a cycle).
 */
record GroupRequest(
    String name, List<String> members, List<String> memberGroups, Map<String, Object> attributes) {

  DirectoryGroup toGroup(String id) {
    Ids.require("group id", id);
    if (name == null || name.isBlank())
      throw ApiException.badRequest("name is required and must not be empty");
    if (members != null && members.stream().anyMatch(m -> m == null || m.isBlank())) {
      throw ApiException.badRequest("members must be user ids, not null or empty");
    }
    if (memberGroups != null && memberGroups.stream().anyMatch(m -> m == null || m.isBlank())) {
      throw ApiException.badRequest("memberGroups must be group ids, not null or empty");
    }
    return new DirectoryGroup(id, name.trim(), attributes);
  }
}
