package io.scimfleet.scim.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/** Encodes path segments and query parameters; a space is {@code %20} in both. */
public final class Paths {
  private Paths() {}

  /** {@code /Users} or {@code /Users/<encoded id>}. */
  public static String of(String endpoint, @Nullable String id) {
    String base = "/" + trimSlashes(endpoint);
    return id == null ? base : base + "/" + encode(id);
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Builds {@code a=1&b=2}, skipping null values; null when nothing is left. */
  public static @Nullable String query(@Nullable String... namesAndValues) {
    StringJoiner joiner = new StringJoiner("&");
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null)
        joiner.add(namesAndValues[i] + "=" + encode(namesAndValues[i + 1]));
    }
    return joiner.length() == 0 ? null : joiner.toString();
  }

  static String trimSlashes(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '/') start++;
    while (end > start && text.charAt(end - 1) == '/') end--;
    return text.substring(start, end);
  }
}
