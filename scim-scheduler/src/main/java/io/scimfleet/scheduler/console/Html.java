package io.scimfleet.scheduler.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The one place a value becomes HTML: every text and attribute value a page shows goes through
 * {@link #escape}, every value in a link through {@link #url}. Pages write their markup as string
 * literals and never concatenate an unescaped value into it.
 */
final class Html {
  private Html() {}

  /** Text or a double-quoted attribute value: {@code & < > " '} escaped; null is empty. */
  static String escape(@Nullable Object value) {
    if (value == null) return "";
    String text = value.toString();
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** One path segment or query value, percent-encoded (a space as {@code %20}), then escaped. */
  static String url(String value) {
    return escape(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
  }
}
