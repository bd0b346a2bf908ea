package io.scimfleet.scheduler.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * One named entry of a YAML config file (a provider, a source): its name taken out of its fields,
 * and the fields read and converted with every error prefixed by where the entry stands, so that
 * the provider and the source files say their errors the same way.
 *
 * @param label where the entry stands and its name, e.g. {@code providers.yaml entry 2 (crm)}
 * @param fields the entry's fields without its name
 */
public record ConfigEntry(String name, String label, ObjectNode fields) {

  /**
   * The entry at {@code where}; refuses one that is not a mapping or has no textual name.
   *
   * @param kind what the entry configures, for the message (e.g. {@code provider})
   */
  public static ConfigEntry of(String where, JsonNode node, String kind) {
    if (!node.isObject())
      throw new IllegalArgumentException(where + " must be a mapping of " + kind + " fields");
    ObjectNode fields = ((ObjectNode) node).deepCopy();
    JsonNode name = fields.remove("name");
    if (name == null || !name.isTextual())
      throw new IllegalArgumentException(where + ": 'name' is required");
    return new ConfigEntry(name.asText(), where + " (" + name.asText() + ")", fields);
  }

  /** Refuses the entry with {@code reason}, prefixed by its label. */
  public IllegalArgumentException refused(String reason) {
    return new IllegalArgumentException(label + ": " + reason);
  }

  /**
   * Reads the fields as {@code type} and converts them; an unknown field, a value of the wrong type
   * or the conversion's refusal becomes one {@link IllegalArgumentException} naming the entry.
   */
  public <R, T> T convert(ObjectMapper mapper, Class<R> type, Function<R, T> conversion) {
    try {
      return conversion.apply(mapper.treeToValue(fields, type));
    } catch (UnrecognizedPropertyException e) {
      throw refused("unknown field '" + e.getPropertyName() + "'");
    } catch (JsonProcessingException e) {
      throw refused(String.valueOf(e.getOriginalMessage()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
    }
  }
}
