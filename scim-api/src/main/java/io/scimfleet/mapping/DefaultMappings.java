package io.scimfleet.mapping;

import io.scimfleet.model.PropertyMapping;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mappings a provider starts with, one per SCIM attribute, so that a provider can replace any
 * one of them by giving its own mapping the same name (see {@link #overlay}).
 */
public final class DefaultMappings {
  public static final String CORE_USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String CORE_GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

  private static final List<PropertyMapping> USERS =
      List.of(
          new PropertyMapping("00-schemas", "{\"schemas\": [\"" + CORE_USER_SCHEMA + "\"]}"),
          new PropertyMapping("10-userName", "{\"userName\": username}"),
          new PropertyMapping("20-externalId", "{\"externalId\": id}"),
          new PropertyMapping(
              "30-name",
              """
          (
            $full := $trim(name);
            $twoWords := $contains($full, /\\s/);
            $name := {
              "formatted": $full ? $full,
              "givenName": attributes.givenName ? attributes.givenName
                : ($twoWords ? $replace($full, /\\s.*$/, "")),
              "familyName": attributes.familyName ? attributes.familyName
                : ($twoWords ? $replace($full, /^\\S+\\s+/, ""))
            };
            $count($keys($name)) > 0 ? {"name": $name} : {}
          )"""),
          new PropertyMapping(
              "40-displayName", "{\"displayName\": $trim(name) ? $trim(name) : username}"),
          new PropertyMapping(
              "50-emails",
              "{\"emails\": email ? [{\"value\": email, \"type\": \"work\", \"primary\": true}]}"),
          new PropertyMapping("60-active", "{\"active\": active = true}"));

  private static final List<PropertyMapping> GROUPS =
      List.of(
          new PropertyMapping("00-schemas", "{\"schemas\": [\"" + CORE_GROUP_SCHEMA + "\"]}"),
          new PropertyMapping("10-displayName", "{\"displayName\": name}"),
          new PropertyMapping("20-externalId", "{\"externalId\": id}"),
          new PropertyMapping(
              "30-members", "{\"members\": [members.{\"value\": remoteId, \"type\": type}]}"));

  private DefaultMappings() {}

  /**
   * {@code 00-schemas, 10-userName, 20-externalId, 30-name, 40-displayName, 50-emails, 60-active}.
   */
  public static List<PropertyMapping> users() {
    return USERS;
  }

  /** {@code 00-schemas, 10-displayName, 20-externalId, 30-members}. */
  public static List<PropertyMapping> groups() {
    return GROUPS;
  }

  /**
   * {@code defaults} with each of {@code overrides} replacing the default of its name, or added.
   */
  public static List<PropertyMapping> overlay(
      List<PropertyMapping> defaults, List<PropertyMapping> overrides) {
    Map<String, PropertyMapping> byName = new LinkedHashMap<>();
    defaults.forEach(mapping -> byName.put(mapping.name(), mapping));
    overrides.forEach(mapping -> byName.put(mapping.name(), mapping));
    return List.copyOf(byName.values());
  }
}
