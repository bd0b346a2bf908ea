package io.scimfleet.scheduler.http;

import io.scimfleet.model.DirectoryGroup;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A group as the API shows it: its attributes, its member ids and its member groups' ids, sorted.
 */
record GroupView(
    String id,
    String name,
    List<String> members,
    List<String> memberGroups,
    Map<String, Object> attributes) {

  static GroupView of(
      DirectoryGroup group, Collection<String> members, Collection<String> memberGroups) {
    return new GroupView(
        group.id(),
        group.name(),
        members.stream().sorted().toList(),
        memberGroups.stream().sorted().toList(),
        group.attributes());
  }
}
