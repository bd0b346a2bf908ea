package io.scimfleet.mapping;

import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The JSON document that mappings and scope filters are evaluated against, as plain Java maps and
 * lists (what JSONata reads). Fields that are null are left out, so that JSONata sees them as
 * undefined.
 *
 * <p>User: {@code {"id","username","name","email","active","attributes":{...}}}; built for a target
 * ({@link #user(DirectoryUser, UserTarget)}) also {@code "target":{"schemaExtensions":[...]}} (the
 * extensions the target's User resource type announces) and, when the user's manager is on the
 * target, {@code "manager":{"id","remoteId"}}. Group: {@code
 * {"id","name","attributes":{...},"members":[{"id","remoteId","type"}]}} ({@code type} is {@code
 * "Group"} for a nested group sent natively, absent for a user).
 */
public record MappingInput(Map<String, Object> json) {

  public MappingInput {
    json = Collections.unmodifiableMap(json);
  }

  /** A user as its directory holds it: what scope filters read (no target, no manager). */
  public static MappingInput user(DirectoryUser user) {
    return new MappingInput(userJson(user));
  }

  /**
   * A user as the mappings see it for one target: with what the target announces and the manager.
   */
  public static MappingInput user(DirectoryUser user, UserTarget target) {
    Map<String, Object> json = userJson(user);
    json.put(
        "target",
        Map.of("schemaExtensions", List.copyOf(new TreeSet<>(target.schemaExtensions()))));
    if (target.manager() != null) {
      json.put(
          "manager", Map.of("id", target.manager().id(), "remoteId", target.manager().remoteId()));
    }
    return new MappingInput(json);
  }

  private static Map<String, Object> userJson(DirectoryUser user) {
    Map<String, Object> json = new LinkedHashMap<>();
    putIfPresent(json, "id", user.id());
    putIfPresent(json, "username", user.username());
    putIfPresent(json, "name", user.name());
    putIfPresent(json, "email", user.email());
    json.put("active", user.active());
    json.put("attributes", user.attributes());
    return json;
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

  private static void putIfPresent(Map<String, Object> json, String key, @Nullable Object value) {
    if (value != null) json.put(key, value);
  }
}
