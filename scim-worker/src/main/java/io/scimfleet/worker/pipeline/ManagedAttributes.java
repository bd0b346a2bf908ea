package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compares, on the attributes the fleet's mappings manage, what the target holds with what the
 * fleet sends. Tolerant of what targets add on their own ({@code meta}, {@code display}, {@code
 * $ref}, sub-attributes the mappings do not set), of attribute names and text values in another
 * case (RFC 7643 §2.1; many targets lower-case emails), and of {@code false} or empty values left
 * out; strict on what was sent: a value changed, removed, or a multi-valued attribute with another
 * number of values is a difference. Group members are compared separately, as sets of remote ids.
 */
final class ManagedAttributes {
  private ManagedAttributes() {}

  /**
   * True when the target differs from {@code payload} on a top-level attribute the payload sends
   * ({@code schemas} and {@code members} aside), or still holds one sent before ({@code pathsSent})
   * that the payload no longer sends.
   */
  static boolean differ(ObjectNode payload, JsonNode onTarget, List<String> pathsSent) {
    for (String path : RemoteWriter.paths(payload)) {
      if (!covers(payload.get(path), field(onTarget, path))) return true;
    }
    List<String> now = RemoteWriter.paths(payload);
    for (String path : pathsSent) {
      if (!now.contains(path) && present(field(onTarget, path))) return true;
    }
    return false;
  }

  /**
   * The remote ids of the members the target lists; null when it does not list the attribute at
   * all.
   */
  static @Nullable Set<String> members(JsonNode onTarget) {
    JsonNode members = field(onTarget, "members");
    if (members == null || members.isNull()) return null;
    Set<String> ids = new HashSet<>();
    members.forEach(member -> ids.add(member.path("value").asText()));
    return ids;
  }

  /** True when every part of {@code sent} is on the target, with the same value. */
  static boolean covers(@Nullable JsonNode sent, @Nullable JsonNode onTarget) {
    if (sent == null || sent.isNull()) return !present(onTarget);
    if (onTarget == null || onTarget.isNull()) return blank(sent);
    if (sent.isObject()) return onTarget.isObject() && coversObject(sent, onTarget);
    if (sent.isArray()) return onTarget.isArray() && coversArray(sent, onTarget);
    return !onTarget.isContainerNode() && sent.asText().equalsIgnoreCase(onTarget.asText());
  }

  /** What a target may leave out and mean the same: false, "", an empty list or object. */
  private static boolean blank(JsonNode sent) {
    return (sent.isBoolean() && !sent.booleanValue())
        || !present(sent)
        || (sent.isTextual() && sent.asText().isEmpty());
  }

  private static boolean coversObject(JsonNode sent, JsonNode onTarget) {
    Iterator<Map.Entry<String, JsonNode>> fields = sent.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!covers(field.getValue(), field(onTarget, field.getKey()))) return false;
    }
    return true;
  }

  /**
   * Same number of values, and each value sent matched by a different one on the target, in any
   * order.
   */
  private static boolean coversArray(JsonNode sent, JsonNode onTarget) {
    if (sent.size() != onTarget.size()) return false;
    List<JsonNode> left = new ArrayList<>();
    onTarget.forEach(left::add);
    for (JsonNode value : sent) {
      if (!left.removeIf(new FirstMatch(value))) return false;
    }
    return true;
  }

  /** Matches the first target value covering {@code sent}, once. */
  private static final class FirstMatch implements java.util.function.Predicate<JsonNode> {
    private final JsonNode sent;
    private boolean found;

    FirstMatch(JsonNode sent) {
      this.sent = sent;
    }

    @Override
    public boolean test(JsonNode candidate) {
      if (found || !covers(sent, candidate)) return false;
      found = true;
      return true;
    }
  }

  private static boolean present(@Nullable JsonNode value) {
    return value != null && !value.isNull() && !(value.isContainerNode() && value.isEmpty());
  }

  /** The attribute of that name, in any case. */
  static @Nullable JsonNode field(@Nullable JsonNode node, String name) {
    if (node == null || !node.isObject()) return null;
    JsonNode exact = node.get(name);
    if (exact != null) return exact;
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String candidate = names.next();
      if (candidate.equalsIgnoreCase(name)) return node.get(candidate);
    }
    return null;
  }
}
