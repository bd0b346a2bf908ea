package io.scimfleet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import de.captaingoldfish.scim.sdk.common.constants.enums.Comparator;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.server.filter.AttributeExpressionLeaf;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workaround for SCIM-SDK 1.30.0, whose filter grammar does not decode JSON escapes ({@code \"},
 * {@code \\}) in string values (SCIM-SDK issue 913, fixed after 1.30.0). Before the SDK sees the
 * query, every string literal with a backslash becomes {@code "escaped:<base64url of the decoded
 * value>"}, which the SDK parses; a top-level {@code attr eq "escaped:..."} is then matched here
 * against the decoded value. Every other filter is the SDK's own business.
 */
final class EscapedEquality {
  private static final String MARK = "escaped:";
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern FILTER_PARAM = Pattern.compile("(^|&)filter=([^&]*)");

  private EscapedEquality() {}

  /** The request URI with escaped literals in its {@code filter} parameter replaced by marks. */
  static String rewrite(String uri) {
    int question = uri.indexOf('?');
    if (question < 0) return uri;
    Matcher param = FILTER_PARAM.matcher(uri.substring(question + 1));
    if (!param.find()) return uri;
    String filter = URLDecoder.decode(param.group(2), StandardCharsets.UTF_8);
    String marked = URLEncoder.encode(mark(filter), StandardCharsets.UTF_8).replace("+", "%20");
    return uri.substring(0, question + 1)
        + param.replaceFirst("$1filter=" + Matcher.quoteReplacement(marked));
  }

  static Optional<String> decodedValue(FilterNode filter) {
    if (!(filter instanceof AttributeExpressionLeaf leaf) || leaf.getComparator() != Comparator.EQ)
      return Optional.empty();
    return leaf.getStringValue()
        .filter(value -> value.startsWith(MARK))
        .map(EscapedEquality::unmark);
  }

  static <T extends ResourceNode> List<T> filter(
      List<T> resources, FilterNode filter, String value) {
    String attribute = ((AttributeExpressionLeaf) filter).getShortName();
    return resources.stream()
        .filter(resource -> value.equalsIgnoreCase(text(resource.get(attribute))))
        .toList();
  }

  private static String mark(String filter) {
    return LITERAL
        .matcher(filter)
        .replaceAll(
            literal ->
                literal.group(1).indexOf('\\') < 0
                    ? Matcher.quoteReplacement(literal.group())
                    : "\""
                        + MARK
                        + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(
                                unescape(literal.group(1)).getBytes(StandardCharsets.UTF_8))
                        + "\"");
  }

  private static String unmark(String value) {
    return new String(
        Base64.getUrlDecoder().decode(value.substring(MARK.length())), StandardCharsets.UTF_8);
  }

  private static String text(JsonNode node) {
    return node == null ? null : node.asText();
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) c = value.charAt(++i);
      out.append(c);
    }
    return out.toString();
  }
}
