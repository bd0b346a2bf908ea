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
  public static final String ENTERPRISE_USER_SCHEMA =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  /** Core attributes (RFC 7643 §4.1) copied from the same key of {@code attributes}. */
  static final List<String> CORE_ATTRIBUTES =
      List.of(
          "title",
          "nickName",
          "userType",
          "preferredLanguage",
          "locale",
          "timezone",
          "phoneNumbers",
          "addresses");

  /**
   * Enterprise User attributes (RFC 7643 §4.3) copied from the same key of {@code attributes}; the
   * inbound SCIM endpoint stores them under the same keys.
   */
  public static final List<String> ENTERPRISE_ATTRIBUTES =
      List.of("employeeNumber", "costCenter", "organization", "division", "department");

  /** True in JSONata when the target's User resource type announces the Enterprise extension. */
  private static final String ANNOUNCED =
      "\"" + ENTERPRISE_USER_SCHEMA + "\" in target.schemaExtensions";

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
          new PropertyMapping("60-active", "{\"active\": active = true}"),
          core(61, "title"),
          core(62, "nickName"),
          core(63, "userType"),
          core(64, "preferredLanguage"),
          core(65, "locale"),
          core(66, "timezone"),
          core(67, "phoneNumbers"),
          core(68, "addresses"),
          enterprise(80, "employeeNumber"),
          enterprise(81, "costCenter"),
          enterprise(82, "organization"),
          enterprise(83, "division"),
          enterprise(84, "department"),
          new PropertyMapping(
              "85-manager",
              ANNOUNCED
                  + " and manager.remoteId ? {\""
                  + ENTERPRISE_USER_SCHEMA
                  + "\": {\"manager\": {\"value\": manager.remoteId}}}"));

  private static final List<PropertyMapping> GROUPS =
      List.of(
          new PropertyMapping("00-schemas", "{\"schemas\": [\"" + CORE_GROUP_SCHEMA + "\"]}"),
          new PropertyMapping("10-displayName", "{\"displayName\": name}"),
          new PropertyMapping("20-externalId", "{\"externalId\": id}"),
          new PropertyMapping(
              "30-members", "{\"members\": [members.{\"value\": remoteId, \"type\": type}]}"));

  private DefaultMappings() {}

  /** {@code {"title": attributes.title}} when the attribute is there (and not empty). */
  static String coreExpression(String attribute) {
    String value = "attributes." + attribute;
    return "{\"" + attribute + "\": " + value + " ? " + value + "}";
  }

  /**
   * The attribute in the Enterprise User extension, when the target announces it and the user has
   * it; a number as a string (HR systems send numeric employee numbers and cost centres).
   */
  static String enterpriseExpression(String attribute) {
    String value = "attributes." + attribute;
    return ANNOUNCED
        + " and "
        + value
        + " ? {\""
        + ENTERPRISE_USER_SCHEMA
        + "\": {\""
        + attribute
        + "\": $type("
        + value
        + ") = \"number\" ? $string("
        + value
        + ") : "
        + value
        + "}}";
  }

  private static PropertyMapping core(int order, String attribute) {
    return new PropertyMapping(order + "-" + attribute, coreExpression(attribute));
  }

  private static PropertyMapping enterprise(int order, String attribute) {
    return new PropertyMapping(order + "-" + attribute, enterpriseExpression(attribute));
  }

  /**
   * {@code 00-schemas, 10-userName, 20-externalId, 30-name, 40-displayName, 50-emails, 60-active},
   * the core attributes {@code 61-title} to {@code 68-addresses}, and, for a target that announces
   * the Enterprise User extension, {@code 80-employeeNumber} to {@code 84-department} and {@code
   * 85-manager}.
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
