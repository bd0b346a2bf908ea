package io.scimfleet.scheduler.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.mapping.DefaultMappings;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectTimes;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The one mapping between a SCIM User and a directory user, both ways (docs/inbound.md has the
 * table). {@code userName} is the username; {@code displayName}, else {@code name.formatted}, else
 * given and family name, is the name; the primary (else first) email is the email; {@code active}
 * is active. Everything else a client wrote is kept under the user's attributes by the names in
 * {@link #OWNED}, so that it reads back as it was written and reaches the mappings.
 */
final class ScimUsers {
  static final String CORE = DefaultMappings.CORE_USER_SCHEMA;
  static final String ENTERPRISE = DefaultMappings.ENTERPRISE_USER_SCHEMA;

  /** Core attributes kept as they are, under their own names. */
  static final List<String> CORE_KEPT =
      List.of(
          "nickName",
          "profileUrl",
          "title",
          "userType",
          "preferredLanguage",
          "locale",
          "timezone",
          "phoneNumbers",
          "ims",
          "photos",
          "addresses",
          "entitlements",
          "roles",
          "x509Certificates");

  /** Parts of {@code name} kept under their own names. */
  static final List<String> NAME_PARTS =
      List.of("givenName", "familyName", "middleName", "honorificPrefix", "honorificSuffix");

  /**
   * Enterprise attributes kept under their own names ({@code manager} holds the manager's id): the
   * ones the default mappings copy back out ({@link DefaultMappings#ENTERPRISE_ATTRIBUTES}).
   */
  static final List<String> ENTERPRISE_KEPT = DefaultMappings.ENTERPRISE_ATTRIBUTES;

  /** Every attribute this endpoint writes: a PUT replaces these and keeps any other. */
  static final Set<String> OWNED =
      Set.copyOf(
          Stream.of(
                  CORE_KEPT.stream(),
                  NAME_PARTS.stream(),
                  ENTERPRISE_KEPT.stream(),
                  Stream.of("externalId", "emails", "formattedName", "manager"))
              .flatMap(s -> s)
              .toList());

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScimUsers() {}

  /**
   * The directory user a SCIM User stands for, with id {@code id}; {@code kept} are the attributes
   * of the stored user that this endpoint does not own (written by another source).
   */
  static DirectoryUser toDirectory(JsonNode scim, String id, Map<String, Object> kept) {
    String userName = text(scim.get("userName"));
    if (userName == null || userName.isBlank())
      throw Resources.invalidValue("userName is required");
    Map<String, Object> attributes = new LinkedHashMap<>();
    kept.forEach(
        (key, value) -> {
          if (!OWNED.contains(key)) attributes.put(key, value);
        });
    JsonNode name = scim.path("name");
    String fullName = fullName(scim, name);
    put(attributes, "externalId", scim.get("externalId"));
    NAME_PARTS.forEach(part -> put(attributes, part, name.get(part)));
    String formatted = text(name.get("formatted"));
    if (formatted != null && !formatted.equals(fullName))
      attributes.put("formattedName", formatted);
    CORE_KEPT.forEach(key -> put(attributes, key, scim.get(key)));
    JsonNode emails = scim.get("emails");
    put(attributes, "emails", emails);
    JsonNode enterprise = scim.path(ENTERPRISE);
    ENTERPRISE_KEPT.forEach(key -> put(attributes, key, enterprise.get(key)));
    put(attributes, "manager", enterprise.path("manager").get("value"));
    JsonNode active = scim.get("active");
    return new DirectoryUser(
        id,
        userName,
        fullName,
        email(emails),
        active == null || active.isNull() || active.asBoolean(true),
        attributes);
  }

  /**
   * The user in SCIM form, with {@code meta}; {@code location} is its URL, {@code groups} the ids
   * of the groups it is a direct member of (read-only {@code groups}, each linked by {@code
   * groupLocation}).
   */
  static ObjectNode toScim(
      DirectoryUser user,
      Optional<ObjectTimes> times,
      Collection<String> groups,
      String location,
      Function<String, String> groupLocation) {
    ObjectNode scim = JSON.createObjectNode();
    ArrayNode schemas = scim.putArray("schemas").add(CORE);
    scim.put("id", user.id());
    putText(scim, "externalId", user.attributes().get("externalId"));
    scim.put("userName", user.username());
    ObjectNode name = JSON.createObjectNode();
    putText(name, "formatted", user.attributes().getOrDefault("formattedName", user.name()));
    NAME_PARTS.forEach(part -> putText(name, part, user.attributes().get(part)));
    if (!name.isEmpty()) scim.set("name", name);
    if (user.name() != null) scim.put("displayName", user.name());
    CORE_KEPT.forEach(key -> putKept(scim, key, user.attributes().get(key)));
    ArrayNode emails = emails(user);
    if (!emails.isEmpty()) scim.set("emails", emails);
    scim.put("active", user.active());
    if (!groups.isEmpty()) {
      ArrayNode memberOf = scim.putArray("groups");
      groups.stream()
          .sorted()
          .forEach(
              id ->
                  memberOf
                      .addObject()
                      .put("value", id)
                      .put("$ref", groupLocation.apply(id))
                      .put("type", "direct"));
    }
    ObjectNode enterprise = enterprise(user.attributes());
    if (!enterprise.isEmpty()) {
      schemas.add(ENTERPRISE);
      scim.set(ENTERPRISE, enterprise);
    }
    scim.set("meta", Meta.of("User", scim, times, location));
    return scim;
  }

  private static ObjectNode enterprise(Map<String, Object> attributes) {
    ObjectNode enterprise = JSON.createObjectNode();
    ENTERPRISE_KEPT.forEach(key -> putText(enterprise, key, attributes.get(key)));
    Object manager = attributes.get("manager");
    if (manager instanceof Map<?, ?> map)
      manager = map.containsKey("value") ? map.get("value") : map.get("id");
    if (manager != null) enterprise.putObject("manager").put("value", manager.toString());
    return enterprise;
  }

  /** The stored list when it still holds the user's email; else the email alone, as primary. */
  private static ArrayNode emails(DirectoryUser user) {
    JsonNode stored = JSON.valueToTree(user.attributes().get("emails"));
    if (stored instanceof ArrayNode list
        && user.email() != null
        && user.email().equals(email(list))) return list;
    ArrayNode emails = JSON.createArrayNode();
    if (user.email() != null)
      emails.addObject().put("value", user.email()).put("type", "work").put("primary", true);
    return emails;
  }

  private static @Nullable String fullName(JsonNode scim, JsonNode name) {
    String display = text(scim.get("displayName"));
    if (display != null) return display;
    String formatted = text(name.get("formatted"));
    if (formatted != null) return formatted;
    String joined =
        Stream.of(text(name.get("givenName")), text(name.get("familyName")))
            .filter(part -> part != null)
            .reduce((a, b) -> a + " " + b)
            .orElse(null);
    return joined;
  }

  /** The primary email's value, else the first one's; null without emails. */
  static @Nullable String email(@Nullable JsonNode emails) {
    if (emails == null || !emails.isArray() || emails.isEmpty()) return null;
    for (JsonNode email : emails) {
      if (email.path("primary").asBoolean(false)) return text(email.get("value"));
    }
    return text(emails.get(0).get("value"));
  }

  private static void put(Map<String, Object> attributes, String key, @Nullable JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) return;
    attributes.put(key, JSON.convertValue(value, Object.class));
  }

  private static void putText(ObjectNode node, String key, @Nullable Object value) {
    if (value != null && !(value instanceof Map) && !(value instanceof List))
      node.put(key, value.toString());
  }

  /** A kept value as it was written: a text stays text, a list a list of objects. */
  private static void putKept(ObjectNode node, String key, @Nullable Object value) {
    if (value instanceof List<?> list) {
      node.set(key, JSON.valueToTree(list.stream().filter(Map.class::isInstance).toList()));
    } else {
      putText(node, key, value);
    }
  }

  static @Nullable String text(@Nullable JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() || node.asText().isEmpty()
        ? null
        : node.asText();
  }
}
