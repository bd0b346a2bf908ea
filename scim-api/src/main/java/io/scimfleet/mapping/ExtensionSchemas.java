package io.scimfleet.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every schema extension a mapped resource carries (a top-level key that is a URN, holding an
 * object) is declared in its {@code schemas}, once, whichever mappings produced its attributes; an
 * extension object left empty is dropped. So each extension attribute can be its own mapping.
 */
final class ExtensionSchemas {
  private ExtensionSchemas() {}

  static ObjectNode declare(ObjectNode resource) {
    List<String> extensions = new ArrayList<>();
    resource
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (name.toLowerCase(Locale.ROOT).startsWith("urn:")
                  && resource.get(name).isObject()) {
                extensions.add(name);
              }
            });
    JsonNode schemas = resource.get("schemas");
    for (String extension : extensions) {
      if (resource.get(extension).isEmpty()) {
        resource.remove(extension);
      } else if (schemas instanceof ArrayNode list && !contains(list, extension)) {
        list.add(extension);
      }
    }
    return resource;
  }

  private static boolean contains(ArrayNode schemas, String schema) {
    for (JsonNode declared : schemas) {
      if (declared.asText().equalsIgnoreCase(schema)) return true;
    }
    return false;
  }
}
