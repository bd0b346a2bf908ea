package io.scimfleet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** YAML and JSON reading, and values given as dotted keys. */
final class Yaml {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  private Yaml() {}

  static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every non-empty document of a multi-document stream, as `helm template` prints it. */
  static List<JsonNode> documents(String yaml) {
    try (var parser = YAML.getFactory().createParser(yaml)) {
      List<JsonNode> documents = new ArrayList<>();
      for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
        JsonNode document = it.next();
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(document);
        }
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code values("a.b", 1, "a.c", true)} gives {@code {a: {b: 1, c: true}}}. */
  static Map<String, Object> values(Object... dottedKeysAndValues) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (int i = 0; i < dottedKeysAndValues.length; i += 2) {
      String[] path = ((String) dottedKeysAndValues[i]).split("\\.", -1);
      Map<String, Object> node = root;
      for (int j = 0; j < path.length - 1; j++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> child =
            (Map<String, Object>) node.computeIfAbsent(path[j], k -> new LinkedHashMap<>());
        node = child;
      }
      node.put(path[path.length - 1], dottedKeysAndValues[i + 1]);
    }
    return root;
  }

  /**
   * Deep-merges {@code overrides} into {@code base} (objects key by key; anything else replaced).
   */
  static void merge(ObjectNode base, JsonNode overrides) {
    overrides
        .fields()
        .forEachRemaining(
            field -> {
              JsonNode existing = base.get(field.getKey());
              if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
              } else {
                base.set(field.getKey(), field.getValue());
              }
            });
  }
}
