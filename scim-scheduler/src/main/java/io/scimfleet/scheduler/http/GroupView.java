package io.scimfleet.scheduler.http;

import io.scimfleet.model.DirectoryGroup;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A group as the API shows it: its attributes and its member ids, sorted. */
record GroupView(String id, String name, List<String> members, Map<String, Object> attributes) {

  static GroupView of(DirectoryGroup group, Collection<String> members) {
    return new GroupView(group.id(), group.name(), members.stream().sorted().toList(), group.attributes());
  }
}
