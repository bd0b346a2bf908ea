package io.scimfleet.scheduler.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.captaingoldfish.scim.sdk.common.schemas.Schema;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What the SCIM-SDK would let pass silently and we refuse: a resource body (POST or PUT) that names
 * a schema the resource type does not have, or an attribute that none of its schemas defines. The
 * SDK drops such data without a word; a client that sends it must learn that it is not kept.
 */
final class RequestShape {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> COMMON = Set.of("schemas", "id", "meta");

  private final Set<String> schemas = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
  private final Set<String> attributes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  RequestShape(ResourceType type) {
    for (Schema schema : type.getAllSchemas()) {
      if (schema.getNonNullId().endsWith(":Meta")) continue;
      schemas.add(schema.getNonNullId());
      if (schema.getNonNullId().equals(type.getSchema())) {
        for (SchemaAttribute attribute : schema.getAttributes())
          attributes.add(attribute.getName());
      }
    }
    attributes.addAll(schemas);
    attributes.addAll(COMMON);
  }

  /** Why the body is refused; empty when its shape is fine or it is not JSON (the SDK says so). */
  Optional<String> problem(@Nullable String body) {
    JsonNode resource;
    try {
      resource = body == null ? null : JSON.readTree(body);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (resource == null || !resource.isObject()) return Optional.empty();
    List<String> unknown = new ArrayList<>();
    for (JsonNode schema : resource.path("schemas")) {
      if (!schemas.contains(schema.asText())) unknown.add("schema '" + schema.asText() + "'");
    }
    for (Iterator<String> names = resource.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!attributes.contains(name)) unknown.add("attribute '" + name + "'");
    }
    if (unknown.isEmpty()) return Optional.empty();
    return Optional.of(
        "unknown " + String.join(", ", unknown) + "; known schemas: " + String.join(", ", schemas));
  }
}
