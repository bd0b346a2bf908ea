package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The attributes in which two payloads differ: top-level names, and inside an extension (a key
 * starting with {@code urn:}) {@code <urn>.<attribute>}.
 */
final class PayloadDiff {
  private PayloadDiff() {}

  static List<String> changed(@Nullable JsonNode before, @Nullable JsonNode after) {
    List<String> paths = new ArrayList<>();
    JsonNode b = before == null ? NullNode.getInstance() : before;
    JsonNode a = after == null ? NullNode.getInstance() : after;
    for (String name : names(b, a)) {
      JsonNode was = b.path(name);
      JsonNode is = a.path(name);
      if (Objects.equals(was, is)) continue;
      if (name.startsWith("urn:") && (was.isObject() || is.isObject())) {
        for (String inner : names(was, is))
          if (!Objects.equals(was.path(inner), is.path(inner))) paths.add(name + "." + inner);
      } else {
        paths.add(name);
      }
    }
    return paths;
  }

  private static Set<String> names(JsonNode one, JsonNode other) {
    TreeSet<String> names = new TreeSet<>();
    one.fieldNames().forEachRemaining(names::add);
    other.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
