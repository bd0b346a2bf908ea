package io.scimfleet.mapping;

import java.util.Collection;
import java.util.Map;

/**
 * How long the JSON text of a JSONata value is at least, measured without writing it: what {@code
 * $string} and the {@code &} operator would build. The measure counts each string's characters and
 * quotes, the brackets, commas, colons and keys, one character per number, and the indentation of
 * pretty printing; escapes and longer numbers only make the real text longer. It stops counting at
 * {@code cap}, so measuring a value that references one huge string ten thousand times costs
 * little.
 */
final class JsonText {
  private JsonText() {}

  static long lengthAtLeast(Object value, long cap, boolean prettify) {
    return measure(value, cap, prettify ? 2 : 0, 0L);
  }

  private static long measure(Object value, long cap, int indent, long sum) {
    if (sum >= cap) return sum;
    if (value instanceof CharSequence text) return sum + text.length() + 2;
    if (value instanceof Map<?, ?> map) {
      long total = sum + (map.isEmpty() ? 2 : 1);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        total += String.valueOf(entry.getKey()).length() + 4 + indent; // "key": and , or }
        total = measure(entry.getValue(), cap, indent == 0 ? 0 : indent + 2, total);
        if (total >= cap) return total;
      }
      return total;
    }
    if (value instanceof Collection<?> list) {
      long total = sum + (list.isEmpty() ? 2 : 1);
      for (Object item : list) {
        total = measure(item, cap, indent == 0 ? 0 : indent + 2, total + 1 + indent); // , or ]
        if (total >= cap) return total;
      }
      return total;
    }
    if (value == null) return sum + 4;
    return value instanceof Number || value instanceof Boolean ? sum + 1 : sum;
  }
}
