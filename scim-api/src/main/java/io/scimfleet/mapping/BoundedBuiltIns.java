package io.scimfleet.mapping;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The JSONata built-ins that build strings, bounded: each works out how long its result will be
 * before it builds it and refuses one longer than {@link MappingLimits#maxStringLength()}, so that
 * no single call can allocate a string made of many strings at the limit ({@code $join} of ten
 * thousand of them). Otherwise they answer as the library's own, to which they hand the work.
 * {@code $eval} is refused: it would parse and run its argument outside the budget.
 */
final class BoundedBuiltIns {
  /** The limit name a refused {@code $eval} reports. */
  static final String EVAL_REFUSED =
      "refused function $eval (a mapping may not evaluate text as JSONata)";

  private final int maxStringLength;

  /**
   * @param maxStringLength {@link MappingLimits#maxStringLength()}
   */
  BoundedBuiltIns(int maxStringLength) {
    this.maxStringLength = maxStringLength;
  }

  /** Replaces the library's built-ins in {@code expression} by the bounded ones. */
  void register(Jsonata expression) {
    expression.registerFunction("pad", Jsonata.function("pad", this::pad, "<s-ns?:s>"));
    expression.registerFunction(
        "join",
        Jsonata.function(
            "join", (Jsonata.Fn2<List<String>, String, String>) this::join, "<a<s>s?:s>"));
    expression.registerFunction(
        "string",
        Jsonata.function(
            "string", (Jsonata.Fn2<Object, Boolean, String>) this::string, "<x-b?:s>"));
    expression.registerFunction(
        "replace", Jsonata.function("replace", this::replace, "<s-(sf)(sf)n?:s>"));
    expression.registerFunction(
        "eval",
        Jsonata.function(
            "eval",
            (Jsonata.Fn2<String, Object, Object>)
                (source, focus) -> {
                  throw new MappingLimitException("$eval", EVAL_REFUSED);
                },
            "<sx?:x>"));
  }

  /**
   * {@code $pad} in linear time: the library's 0.9.8 grows its padding one concatenation at a time,
   * which takes seconds for a width of 64 Ki.
   */
  String pad(String text, Number width, String padding) {
    if (text == null || width == null) return text;
    if (Math.abs(width.doubleValue()) > limit()) throw tooLong();
    int[] fill = (padding == null || padding.isEmpty() ? " " : padding).codePoints().toArray();
    int pads = Math.abs(width.intValue()) - text.codePointCount(0, text.length());
    if (pads <= 0) return text;
    StringBuilder padded = new StringBuilder(text.length() + pads);
    if (width.intValue() > 0) padded.append(text);
    for (int i = 0; i < pads; i++) padded.appendCodePoint(fill[i % fill.length]);
    if (width.intValue() < 0) padded.append(text);
    return padded.toString();
  }

  @Nullable String join(List<String> strings, String separator) {
    if (strings == null) return null;
    long length = separator == null ? 0 : (long) separator.length() * (strings.size() - 1);
    for (String s : strings) length += s == null ? 4 : s.length();
    requireLength(length);
    return Functions.join(strings, separator);
  }

  String string(Object value, Boolean prettify) {
    if (!(value instanceof String)) {
      long cap = limit() + 1L;
      requireLength(JsonText.lengthAtLeast(value, cap, Boolean.TRUE.equals(prettify)));
    }
    String text = Functions.string(value, prettify);
    if (text != null) requireLength(text.length());
    return text;
  }

  String replace(String text, Object pattern, Object replacement, Number limit) {
    if (text == null || pattern == null)
      return Functions.replace(text, pattern, replacement, count(limit));
    if (!(replacement instanceof String with))
      return replaceByFunction(text, (Pattern) pattern, replacement, limit);
    long matches =
        pattern instanceof String literal
            ? occurrences(text, literal)
            : matches(text, (Pattern) pattern);
    if (limit != null) matches = Math.min(matches, Math.max(0, limit.longValue()));
    // each match becomes the replacement, in which each $ may insert at most the whole match
    long groupReferences =
        pattern instanceof Pattern ? with.chars().filter(c -> c == '$').count() : 0;
    requireLength(text.length() + matches * with.length() + groupReferences * text.length());
    return Functions.replace(text, pattern, replacement, count(limit));
  }

  /**
   * {@code $replace} with a function: the function's strings are added up as they come, and its
   * errors (such as a limit it reached) are not swallowed as the library's 0.9.8 does.
   */
  private String replaceByFunction(String text, Pattern pattern, Object function, Number limit) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder result = new StringBuilder();
    long left = limit == null ? Long.MAX_VALUE : limit.longValue();
    int copied = 0;
    while (left-- > 0 && matcher.find()) {
      String with = apply(function, matcher.toMatchResult());
      requireLength((long) result.length() + matcher.start() - copied + with.length());
      result.append(text, copied, matcher.start()).append(with);
      copied = matcher.end();
    }
    requireLength((long) result.length() + text.length() - copied);
    return result.append(text, copied, text.length()).toString();
  }

  private static String apply(Object function, MatchResult match) {
    Map<String, Object> argument = new LinkedHashMap<>();
    argument.put("match", match.group());
    List<String> groups = new ArrayList<>();
    for (int i = 0; i <= match.groupCount(); i++) groups.add(match.group(i));
    argument.put("groups", groups);
    Object with;
    try {
      with = Functions.funcApply(function, List.of(argument));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    if (!(with instanceof String text)) {
      throw new IllegalArgumentException(
          "the replacement function of $replace must return a string");
    }
    return text;
  }

  private static long occurrences(String text, String literal) {
    if (literal.isEmpty()) return 0; // the library refuses an empty pattern
    long count = 0;
    for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + literal.length()))
      count++;
    return count;
  }

  private static long matches(String text, Pattern pattern) {
    Matcher matcher = pattern.matcher(text);
    long count = 0;
    while (matcher.find()) count++;
    return count;
  }

  private static @Nullable Integer count(Number limit) {
    return limit == null ? null : limit.intValue();
  }

  private int limit() {
    return maxStringLength;
  }

  private void requireLength(long length) {
    if (length > limit()) throw tooLong();
  }

  private MappingLimitException tooLong() {
    return new MappingLimitException(
        "$string", "string length limit of " + limit() + " characters");
  }
}
