package io.scimfleet.scheduler.http;

import io.scimfleet.model.DirectoryGroup;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT /api/v1/groups/{id}} and a group line of an import. {@code members} absent
 * keeps the current members; given, it replaces them (every one must exist).
 */
record GroupRequest(String name, List<String> members, Map<String, Object> attributes) {

  DirectoryGroup toGroup(String id) {
    Ids.require("group id", id);
    if (name == null || name.isBlank()) throw ApiException.badRequest("name is required and must not be empty");
    if (members != null && members.stream().anyMatch(m -> m == null || m.isBlank())) {
      throw ApiException.badRequest("members must be user ids, not null or empty");
    }
    return new DirectoryGroup(id, name.trim(), attributes);
  }
}
