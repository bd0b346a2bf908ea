package io.scimfleet.scheduler.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.ObjectTimes;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one mapping between a SCIM Group and a directory group: {@code displayName} is the name,
 * {@code externalId} is kept under the attributes, and the members are users (the group's members)
 * or groups (its member groups, nested).
 */
final class ScimGroups {
  static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:Group";

  private ScimGroups() {}

  /** The directory group the SCIM Group stands for; {@code kept} are the stored attributes. */
  static DirectoryGroup toDirectory(JsonNode scim, String id, Map<String, Object> kept) {
    Map<String, Object> attributes = new LinkedHashMap<>(kept);
    attributes.remove("externalId");
    String externalId = ScimUsers.text(scim.get("externalId"));
    if (externalId != null) attributes.put("externalId", externalId);
    String name = ScimUsers.text(scim.get("displayName"));
    if (name == null) throw Resources.invalidValue("displayName is required");
    return new DirectoryGroup(id, name, attributes);
  }

  /** The ids the SCIM Group's {@code members} name, in order, without repeats. */
  static Set<String> memberIds(JsonNode scim) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode member : scim.path("members")) {
      String value = ScimUsers.text(member.get("value"));
      if (value != null) ids.add(value);
    }
    return ids;
  }

  /**
   * The group in SCIM form; {@code users} and {@code groups} are its members (null: leave {@code
   * members} out), {@code location} gives the URL of a resource by type and id.
   */
  static ObjectNode toScim(
      DirectoryGroup group,
      @Nullable Collection<String> users,
      @Nullable Collection<String> groups,
      Optional<ObjectTimes> times,
      Function<String, String> userLocation,
      Function<String, String> groupLocation) {
    ObjectNode scim = JsonNodeFactory.instance.objectNode();
    scim.putArray("schemas").add(CORE);
    scim.put("id", group.id());
    Object externalId = group.attributes().get("externalId");
    if (externalId != null) scim.put("externalId", externalId.toString());
    scim.put("displayName", group.name());
    if (users != null && groups != null) {
      ArrayNode members = scim.putArray("members");
      users.forEach(id -> member(members, id, "User", userLocation));
      groups.forEach(id -> member(members, id, "Group", groupLocation));
    }
    scim.set("meta", Meta.of("Group", scim, times, groupLocation.apply(group.id())));
    return scim;
  }

  private static void member(
      ArrayNode members, String id, String type, Function<String, String> location) {
    members.addObject().put("value", id).put("$ref", location.apply(id)).put("type", type);
  }
}
