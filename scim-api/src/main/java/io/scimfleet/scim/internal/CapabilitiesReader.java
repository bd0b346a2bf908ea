package io.scimfleet.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimfleet.scim.Capabilities;
import io.scimfleet.scim.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code ServiceProviderConfig} and {@code /ResourceTypes} leniently: a missing part keeps
 * its safe default, {@code "true"} counts like {@code true}, and a number may come as text.
 */
final class CapabilitiesReader {
  private CapabilitiesReader() {}

  private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String CORE_SCHEMAS = "urn:ietf:params:scim:schemas:core:";

  static Capabilities read(JsonNode config, List<ResourceType> types) {
    return read(config, types, Set.of());
  }

  /**
   * @param schemaExtensions from {@code /Schemas}, used when {@code types} has no User type
   */
  static Capabilities read(
      JsonNode config, List<ResourceType> types, Set<String> schemaExtensions) {
    Capabilities defaults = Capabilities.defaults();
    return new Capabilities(
        flag(config.path("patch"), defaults.patch()),
        bulk(config.path("bulk")),
        flag(config.path("etag"), defaults.etag()),
        filter(config.path("filter"), defaults.filter()),
        flag(config.path("changePassword"), false),
        flag(config.path("sort"), false),
        bool(config.path("pagination").path("cursor"), false),
        endpoints(types),
        userType(types).map(type -> Set.copyOf(type.schemaExtensions())).orElse(schemaExtensions));
  }

  /** The User resource type: the one whose schema is the core User, else the one named User. */
  static Optional<ResourceType> userType(List<ResourceType> types) {
    return types.stream()
        .filter(type -> CORE_USER.equalsIgnoreCase(type.schema()))
        .findFirst()
        .or(
            () ->
                types.stream()
                    .filter(type -> "Users".equalsIgnoreCase(type.endpoint()))
                    .findFirst());
  }

  /**
   * The ids {@code /Schemas} lists, but the core ones ({@code urn:ietf:params:scim:schemas:core:}).
   */
  static Set<String> extensionSchemas(JsonNode body) {
    JsonNode list = body.isArray() ? body : resources(body);
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode schema : list) {
      String id = Json.text(schema.get("id"));
      if (id != null && !id.toLowerCase(Locale.ROOT).startsWith(CORE_SCHEMAS)) ids.add(id);
    }
    return ids;
  }

  static List<ResourceType> resourceTypes(JsonNode body) {
    JsonNode list = body.isArray() ? body : resources(body);
    List<ResourceType> types = new ArrayList<>();
    for (JsonNode node : list) {
      if (node.isObject() && Json.text(node.get("endpoint")) != null) types.add(resourceType(node));
    }
    return types;
  }

  private static JsonNode resources(JsonNode body) {
    return body.has("Resources") ? body.path("Resources") : body.path("resources");
  }

  private static ResourceType resourceType(JsonNode node) {
    List<String> extensions = new ArrayList<>();
    node.path("schemaExtensions")
        .forEach(extension -> extensions.add(extension.path("schema").asText()));
    String endpoint = Paths.trimSlashes(node.path("endpoint").asText());
    return new ResourceType(
        Json.text(node.get("id")),
        Json.text(node.get("name")),
        endpoint,
        Json.text(node.get("schema")),
        extensions);
  }

  private static Capabilities.Bulk bulk(JsonNode node) {
    return new Capabilities.Bulk(
        bool(node.path("supported"), false),
        (int) number(node.path("maxOperations")),
        number(node.path("maxPayloadSize")));
  }

  private static Capabilities.FilterSupport filter(
      JsonNode node, Capabilities.FilterSupport fallback) {
    long maxResults = number(node.path("maxResults"));
    return new Capabilities.FilterSupport(
        bool(node.path("supported"), fallback.supported()),
        maxResults > 0 ? (int) maxResults : fallback.maxResults());
  }

  private static Set<String> endpoints(List<ResourceType> types) {
    Set<String> endpoints = new LinkedHashSet<>();
    types.forEach(type -> endpoints.add(type.endpoint()));
    return endpoints;
  }

  private static boolean flag(JsonNode feature, boolean fallback) {
    return bool(feature.path("supported"), fallback);
  }

  private static boolean bool(JsonNode node, boolean fallback) {
    if (node.isBoolean()) return node.booleanValue();
    if (node.isTextual()) return Boolean.parseBoolean(node.textValue().trim());
    return fallback;
  }

  private static long number(JsonNode node) {
    if (node.isNumber()) return node.longValue();
    try {
      return node.isTextual() ? Long.parseLong(node.textValue().trim()) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
