package io.scimfleet.mapping;

import com.dashjoin.jsonata.Jsonata;
import org.jspecify.annotations.Nullable;

/**
 * Which directory objects a provider receives: a JSONata expression evaluated against the same
 * {@link MappingInput} as the mappings. The object is in scope when the result is truthy in
 * JSONata's sense, that is when {@code $boolean(result)} is true: an undefined result, false, 0, an
 * empty string and an empty array put it out of scope. A blank expression puts everything in scope.
 * Thread-safe.
 */
public final class ScopeFilter {
  static final String NAME = "scope filter";
  private static final ScopeFilter EVERYTHING = new ScopeFilter(null);

  private final @Nullable JsonataExpression expression;

  private ScopeFilter(@Nullable JsonataExpression expression) {
    this.expression = expression;
  }

  /**
   * The filter of a JSONata expression, evaluated within {@code limits}; blank: everything.
   *
   * @throws MappingException when the expression does not compile
   */
  public static ScopeFilter compile(@Nullable String jsonataExpression, MappingLimits limits) {
    if (jsonataExpression == null || jsonataExpression.isBlank()) return EVERYTHING;
    return new ScopeFilter(JsonataExpression.compile(NAME, jsonataExpression, limits));
  }

  /** As {@link #compile(String, MappingLimits)} within the default limits (tests). */
  public static ScopeFilter compile(@Nullable String jsonataExpression) {
    return compile(jsonataExpression, MappingLimits.defaults());
  }

  /** True when there is no expression: every object is in scope. */
  public boolean everything() {
    return expression == null;
  }

  /**
   * True when the expression holds for the object (always, without one).
   *
   * @throws MappingException when the expression fails to evaluate
   */
  public boolean includes(MappingInput input) {
    return expression == null || Jsonata.boolize(expression.evaluate(NAME, input));
  }
}
