package io.scimfleet.scheduler.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The {@code attributes} of a user or group body: absent is none; a value must not be null. */
final class Attributes {
  private Attributes() {}

  /** The attributes as given, none when absent; 400 naming an attribute set to null. */
  static Map<String, Object> require(@Nullable Map<String, @Nullable Object> attributes) {
    Map<String, Object> checked = new LinkedHashMap<>();
    if (attributes == null) return checked;
    attributes.forEach(
        (name, value) -> {
          if (value == null)
            throw ApiException.badRequest(
                "attributes." + name + " is null: leave the attribute out to have none");
          checked.put(name, value);
        });
    return checked;
  }
}
