package io.scimfleet.scim;

import io.scimfleet.scim.internal.Json;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A SCIM filter (RFC 7644 §3.4.2.2), built and never concatenated: {@code Filter.eq("userName",
 * "a\"b")} renders {@code userName eq "a\"b"}. Strings are JSON-escaped; numbers and booleans stay
 * unquoted. Attribute paths are checked so that a value can never smuggle in an operator.
 */
public sealed interface Filter {
  Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9:._$-]*");

  /** The filter as sent in the {@code filter} query parameter. */
  String render();

  static Filter eq(String attribute, Object value) {
    return new Comparison(attribute, "eq", value);
  }

  static Filter ne(String attribute, Object value) {
    return new Comparison(attribute, "ne", value);
  }

  static Filter co(String attribute, String value) {
    return new Comparison(attribute, "co", value);
  }

  static Filter sw(String attribute, String value) {
    return new Comparison(attribute, "sw", value);
  }

  static Filter ew(String attribute, String value) {
    return new Comparison(attribute, "ew", value);
  }

  static Filter gt(String attribute, Object value) {
    return new Comparison(attribute, "gt", value);
  }

  static Filter ge(String attribute, Object value) {
    return new Comparison(attribute, "ge", value);
  }

  static Filter lt(String attribute, Object value) {
    return new Comparison(attribute, "lt", value);
  }

  static Filter le(String attribute, Object value) {
    return new Comparison(attribute, "le", value);
  }

  static Filter pr(String attribute) {
    return new Present(attribute);
  }

  static Filter and(Filter... filters) {
    return new Logical("and", List.of(filters));
  }

  static Filter or(Filter... filters) {
    return new Logical("or", List.of(filters));
  }

  static Filter not(Filter filter) {
    return new Not(filter);
  }

  /**
   * {@code attribute[filter]}: the multi-valued attribute has a value matching the filter, e.g.
   * {@code emails[primary eq true]}.
   */
  static Filter valuePath(String attribute, Filter filter) {
    return new ValuePath(attribute, filter);
  }

  /** {@code attribute op value}. */
  record Comparison(String attribute, String operator, Object value) implements Filter {
    public Comparison {
      checkAttribute(attribute);
    }

    @Override
    public String render() {
      return attribute + " " + operator + " " + literal(value);
    }
  }

  /** {@code attribute pr}. */
  record Present(String attribute) implements Filter {
    public Present {
      checkAttribute(attribute);
    }

    @Override
    public String render() {
      return attribute + " pr";
    }
  }

  /** Two or more filters joined by {@code and} or {@code or}; nested ones are parenthesised. */
  record Logical(String operator, List<Filter> filters) implements Filter {
    public Logical {
      if (filters.isEmpty())
        throw new IllegalArgumentException(operator + " needs at least one filter");
      filters = List.copyOf(filters);
    }

    @Override
    public String render() {
      return filters.stream()
          .map(Filter::grouped)
          .collect(Collectors.joining(" " + operator + " "));
    }
  }

  /** {@code not (filter)}. */
  record Not(Filter filter) implements Filter {
    @Override
    public String render() {
      return "not (" + filter.render() + ")";
    }
  }

  /** {@code attribute[filter]} (RFC 7644 §3.4.2.2 valuePath). */
  record ValuePath(String attribute, Filter filter) implements Filter {
    public ValuePath {
      checkAttribute(attribute);
    }

    @Override
    public String render() {
      return attribute + "[" + filter.render() + "]";
    }
  }

  private static String grouped(Filter filter) {
    return filter instanceof Logical ? "(" + filter.render() + ")" : filter.render();
  }

  private static String literal(Object value) {
    if (value == null) return "null";
    if (value instanceof Number || value instanceof Boolean) return value.toString();
    return Json.quote(value.toString());
  }

  private static void checkAttribute(String attribute) {
    if (attribute == null || !ATTRIBUTE.matcher(attribute).matches()) {
      throw new IllegalArgumentException("not a SCIM attribute path: '" + attribute + "'");
    }
  }
}
