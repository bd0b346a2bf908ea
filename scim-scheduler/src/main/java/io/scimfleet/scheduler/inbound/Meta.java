package io.scimfleet.scheduler.inbound;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.ObjectTimes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * A resource's {@code meta}: its type, the directory's times, its location, and {@code version}, a
 * weak ETag of the resource's content: it changes exactly when what a client reads changes, on
 * every answer (the SDK compares {@code If-Match} with it).
 */
final class Meta {
  private Meta() {}

  /** The meta of {@code resource} (which holds no meta yet). */
  static ObjectNode of(
      String resourceType, ObjectNode resource, Optional<ObjectTimes> times, String location) {
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    meta.put("resourceType", resourceType);
    times.ifPresent(
        t -> {
          meta.put("created", t.created().toString());
          meta.put("lastModified", t.lastModified().toString());
        });
    meta.put("location", location);
    meta.put("version", "W/\"" + digest(resource.toString()) + "\"");
    return meta;
  }

  private static String digest(String content) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
