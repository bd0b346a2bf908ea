package io.scimfleet.mapping;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Java twins of the built-in user mappings ({@link DefaultMappings#users()}): the same result as
 * their JSONata, at a fraction of the CPU (JSONata was a fifth of a full sync's CPU per object). A
 * twin is used only for a mapping whose expression is exactly the built-in one, and it answers only
 * inputs whose every step it is sure of: plain strings, and in {@code name} no whitespace but
 * single spaces after {@code $trim} (where JSONata's {@code \s} and {@code \S} cannot differ from a
 * plain space test). For anything else it answers {@link #UNSURE} and the JSONata runs.
 */
final class DefaultUserTwins {
  /** "I am not sure: evaluate the JSONata." */
  static final Object UNSURE = new Object();

  private static final Map<String, Function<Map<String, Object>, Object>> BY_EXPRESSION = twins();

  private DefaultUserTwins() {}

  /** The twin of this expression, when it is one of the built-in user mappings. */
  static Optional<Function<Map<String, Object>, Object>> of(String expression) {
    return Optional.ofNullable(BY_EXPRESSION.get(expression));
  }

  private static Map<String, Function<Map<String, Object>, Object>> twins() {
    Map<String, Function<Map<String, Object>, Object>> byName = new HashMap<>();
    byName.put("00-schemas", input -> object("schemas", List.of(DefaultMappings.CORE_USER_SCHEMA)));
    byName.put("10-userName", input -> plain(input, "username", text -> object("userName", text)));
    byName.put("20-externalId", input -> plain(input, "id", text -> object("externalId", text)));
    byName.put("30-name", DefaultUserTwins::name);
    byName.put("40-displayName", DefaultUserTwins::displayName);
    byName.put(
        "50-emails",
        input ->
            plain(
                input,
                "email",
                email -> object("emails", truthy(email) ? List.of(emails(email)) : null)));
    byName.put(
        "60-active",
        input -> input.get("active") instanceof Boolean active ? object("active", active) : UNSURE);
    Map<String, Function<Map<String, Object>, Object>> byExpression = new LinkedHashMap<>();
    for (String attribute : DefaultMappings.CORE_ATTRIBUTES) {
      byExpression.put(DefaultMappings.coreExpression(attribute), input -> core(input, attribute));
    }
    for (String attribute : DefaultMappings.ENTERPRISE_ATTRIBUTES) {
      byExpression.put(
          DefaultMappings.enterpriseExpression(attribute), input -> enterprise(input, attribute));
    }
    byName.put("85-manager", DefaultUserTwins::manager);
    DefaultMappings.users().stream()
        .filter(mapping -> byName.containsKey(mapping.name()))
        .forEach(mapping -> byExpression.put(mapping.expression(), byName.get(mapping.name())));
    byExpression.values().removeIf(java.util.Objects::isNull);
    return Map.copyOf(byExpression);
  }

  /** {@code {"title": attributes.title ? attributes.title}}: a non-empty string, or nothing. */
  private static @Nullable Object core(Map<String, Object> input, String attribute) {
    Object value = present(input, attribute);
    return value == UNSURE || value == null ? value : object(attribute, value);
  }

  /** The attribute in the extension, when the target announces it: a non-empty string. */
  private static @Nullable Object enterprise(Map<String, Object> input, String attribute) {
    Object announced = announced(input);
    if (announced != Boolean.TRUE) return announced == UNSURE ? UNSURE : null;
    Object value = present(input, attribute);
    return value == UNSURE || value == null ? value : extension(object(attribute, value));
  }

  /** The manager's remote id in the extension, when the target announces it. */
  private static @Nullable Object manager(Map<String, Object> input) {
    Object announced = announced(input);
    if (announced != Boolean.TRUE) return announced == UNSURE ? UNSURE : null;
    Object manager = input.get("manager");
    if (manager == null) return null;
    if (!(manager instanceof Map<?, ?> fields
        && fields.get("remoteId") instanceof String remoteId
        && !remoteId.isEmpty())) return UNSURE;
    return extension(object("manager", object("value", remoteId)));
  }

  /**
   * Whether {@code target.schemaExtensions} lists the Enterprise User extension: true, false, or
   * UNSURE.
   */
  private static Object announced(Map<String, Object> input) {
    Object target = input.get("target");
    if (target == null) return false;
    if (!(target instanceof Map<?, ?> fields
        && fields.get("schemaExtensions") instanceof List<?> extensions
        && extensions.stream().allMatch(String.class::isInstance))) return UNSURE;
    return extensions.contains(DefaultMappings.ENTERPRISE_USER_SCHEMA);
  }

  private static Map<String, Object> extension(Map<String, Object> attributes) {
    return object(DefaultMappings.ENTERPRISE_USER_SCHEMA, attributes);
  }

  private static Map<String, Object> emails(String email) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("value", email);
    entry.put("type", "work");
    entry.put("primary", true);
    return entry;
  }

  /** {@code {"displayName": $trim(name) ? $trim(name) : username}} */
  private static Object displayName(Map<String, Object> input) {
    Object name = input.get("name");
    Object username = input.get("username");
    if (!plainOrAbsent(name) || !plainOrAbsent(username)) return UNSURE;
    String full = name == null ? null : JsonataExpression.trim((String) name);
    return object("displayName", truthy(full) ? full : username);
  }

  /**
   * The built-in 30-name: formatted, and given and family names from attributes or split at the
   * first space.
   */
  private static Object name(Map<String, Object> input) {
    Object name = input.get("name");
    if (!plainOrAbsent(name)) return UNSURE;
    String full = name == null ? null : JsonataExpression.trim((String) name);
    if (full != null && !onlyPlainSpaces(full)) return UNSURE;
    Object given = attribute(input, "givenName");
    Object family = attribute(input, "familyName");
    if (given == UNSURE || family == UNSURE) return UNSURE;
    int space = full == null ? -1 : full.indexOf(' ');
    Map<String, Object> parts = new LinkedHashMap<>();
    if (truthy(full)) parts.put("formatted", full);
    Object givenName =
        given != null ? given : full != null && space >= 0 ? full.substring(0, space) : null;
    Object familyName =
        family != null ? family : full != null && space >= 0 ? full.substring(space + 1) : null;
    if (givenName != null) parts.put("givenName", givenName);
    if (familyName != null) parts.put("familyName", familyName);
    return parts.isEmpty() ? new LinkedHashMap<>() : object("name", parts);
  }

  /**
   * A non-empty string attribute; null when absent; UNSURE for anything else (empty, numbers,
   * lists...).
   */
  private static @Nullable Object attribute(Map<String, Object> input, String key) {
    Object attributes = input.get("attributes");
    if (attributes == null) return null;
    if (!(attributes instanceof Map<?, ?> map)) return UNSURE;
    if (!map.containsKey(key)) return null;
    return map.get(key) instanceof String text && !text.isEmpty() ? text : UNSURE;
  }

  /**
   * {@code attributes.<key> ? attributes.<key>}: a non-empty string; null when absent or empty
   * (falsy); UNSURE for anything else.
   */
  private static @Nullable Object present(Map<String, Object> input, String key) {
    Object attributes = input.get("attributes");
    if (attributes == null) return null;
    if (!(attributes instanceof Map<?, ?> map)) return UNSURE;
    Object value = map.get(key);
    if (value == null || "".equals(value)) return null;
    return value instanceof String ? value : UNSURE;
  }

  /** After $trim: letters, digits, signs and single spaces only, no other kind of whitespace. */
  private static boolean onlyPlainSpaces(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') continue;
      if (c < 0x21
          || (c >= 0x7f && c <= 0xa0)
          || Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || c == 0x180e
          || c == 0xfeff
          || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static Object plain(
      Map<String, Object> input, String key, Function<String, Object> then) {
    Object value = input.get(key);
    if (!plainOrAbsent(value)) return UNSURE;
    return then.apply((String) value);
  }

  private static boolean plainOrAbsent(@Nullable Object value) {
    return value == null || value instanceof String;
  }

  private static boolean truthy(@Nullable String text) {
    return text != null && !text.isEmpty();
  }

  /** JSONata leaves a key whose value is undefined out of the object. */
  private static Map<String, Object> object(String key, @Nullable Object value) {
    Map<String, Object> object = new LinkedHashMap<>();
    if (value != null) object.put(key, value);
    return object;
  }
}
