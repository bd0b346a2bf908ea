package io.scimfleet.mapping;

import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON document that mappings and scope filters are evaluated against, as plain Java maps and
 * lists (what JSONata reads). Fields that are null are left out, so that JSONata sees them as
 * undefined.
 *
 * <p>User: {@code {"id","username","name","email","active","attributes":{...}}}. Group: {@code
 * {"id","name","attributes":{...},"members":[{"id","remoteId","type"}]}} ({@code type} is {@code
 * "Group"} for a nested group sent natively, absent for a user).
 */
public record MappingInput(Map<String, Object> json) {

  public MappingInput {
    json = Collections.unmodifiableMap(json);
  }

  public static MappingInput user(DirectoryUser user) {
    Map<String, Object> json = new LinkedHashMap<>();
    putIfPresent(json, "id", user.id());
    putIfPresent(json, "username", user.username());
    putIfPresent(json, "name", user.name());
    putIfPresent(json, "email", user.email());
    json.put("active", user.active());
    json.put("attributes", user.attributes());
    return new MappingInput(json);
  }

  /** A group with those of its members that are already synced to the target. */
  public static MappingInput group(DirectoryGroup group, List<GroupMember> syncedMembers) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", group.id());
    json.put("name", group.name());
    json.put("attributes", group.attributes());
    json.put("members", syncedMembers.stream().map(MappingInput::member).toList());
    return new MappingInput(json);
  }

  /** A group member also carries {@code "type": "Group"}; a user member has no type. */
  private static Map<String, Object> member(GroupMember member) {
    return member.group()
        ? Map.of("id", member.id(), "remoteId", member.remoteId(), "type", "Group")
        : Map.of("id", member.id(), "remoteId", member.remoteId());
  }

  private static void putIfPresent(Map<String, Object> json, String key, Object value) {
    if (value != null) json.put(key, value);
  }
}
