package io.scimfleet.mapping;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A JSONata expression that can be evaluated from many threads at once.
 *
 * <p>dashjoin's {@code Jsonata} 0.9.8 is not safe to share: {@code evaluate(input)} binds the input
 * as {@code $} in the instance's own environment frame (a plain {@code LinkedHashMap}) and stores
 * the evaluation timestamp in an instance field, so two threads evaluating one instance can read
 * each other's root document and corrupt that map. This class therefore parses the source once to
 * report syntax errors at compile time and then keeps one parsed copy per thread.
 *
 * <p>Not fixed here: in 0.9.8 {@code $now()} and {@code $millis()} read the timestamp of the last
 * expression built on the thread, so they can be stale (see docs/mappings.md).
 */
final class JsonataExpression {
  /** JSONata's error code for a range ({@code [1..n]}) of more than ten million elements. */
  private static final String RANGE_TOO_LARGE = "D2014";

  private final ThreadLocal<Jsonata> perThread;
  private final MappingLimits limits;

  private JsonataExpression(Jsonata parsed, String source, MappingLimits limits) {
    this.limits = limits;
    BoundedBuiltIns builtIns = new BoundedBuiltIns(limits.maxStringLength());
    this.perThread = ThreadLocal.withInitial(() -> bounded(Jsonata.jsonata(source), builtIns));
    this.perThread.set(bounded(parsed, builtIns));
  }

  /**
   * Parses {@code source}, to be evaluated within {@code limits}; a syntax error becomes a {@link
   * MappingException} naming {@code name}.
   */
  static JsonataExpression compile(String name, String source, MappingLimits limits) {
    return new JsonataExpression(parse(name, source), source, limits);
  }

  /**
   * The result as JSONata returns it: maps, lists, strings, numbers, booleans, or null.
   *
   * @throws MappingLimitException when the evaluation reaches one of the {@link MappingLimits}
   */
  Object evaluate(String name, MappingInput input) {
    EvaluationBudget budget = new EvaluationBudget(name, limits);
    try {
      return EvaluationWatchdog.run(
          budget,
          () -> {
            Jsonata expression = perThread.get();
            return expression.evaluate(input.json(), budget.frame(expression));
          });
    } catch (RuntimeException | StackOverflowError e) {
      String limit = limitIn(e);
      if (limit != null) throw new MappingLimitException(name, limit);
      if (e instanceof EvaluationWatchdog.Interrupted interrupted) throw interrupted;
      throw new MappingException(name, "failed to evaluate: " + e.getMessage(), e);
    }
  }

  /**
   * Which limit stopped the evaluation: ours, JSONata's own range limit, or the stack; null for
   * other errors.
   */
  private static @Nullable String limitIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MappingLimitException limit) return limit.limit();
      if (t instanceof JException j && RANGE_TOO_LARGE.equals(j.getError()))
        return "range limit of 10000000 elements";
      if (t instanceof StackOverflowError) return "depth limit of the thread's stack";
    }
    return null;
  }

  /**
   * Replaces the built-ins that build strings by bounded ones ({@link BoundedBuiltIns}), {@code
   * $eval} by a refusal, and {@code $trim} (in every default user mapping) by one without a regular
   * expression compiled per call.
   */
  private static Jsonata bounded(Jsonata expression, BoundedBuiltIns builtIns) {
    builtIns.register(expression);
    expression.registerFunction(
        "trim",
        Jsonata.function("trim", (Jsonata.Fn1<String, String>) JsonataExpression::trim, "<s-:s>"));
    return expression;
  }

  /**
   * JSONata's {@code $trim}, as the library's own: each run of spaces, tabs, carriage returns and
   * line feeds becomes one space, and a space at either end goes.
   */
  static String trim(String text) {
    if (text == null || alreadyTrimmed(text)) return text;
    StringBuilder trimmed = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        space = true;
        continue;
      }
      if (space && trimmed.length() > 0) trimmed.append(' ');
      trimmed.append(c);
      space = false;
    }
    return trimmed.toString();
  }

  /** No tab, carriage return or line feed, no space at either end, no two spaces in a row. */
  private static boolean alreadyTrimmed(String text) {
    int last = text.length() - 1;
    if (last < 0) return true;
    if (text.charAt(0) == ' ' || text.charAt(last) == ' ') return false;
    for (int i = 0; i <= last; i++) {
      char c = text.charAt(i);
      if (c == '\t'
          || c == '\n'
          || c == '\r'
          || (c == ' ' && i < last && text.charAt(i + 1) == ' ')) return false;
    }
    return true;
  }

  private static Jsonata parse(String name, String source) {
    Jsonata parsed;
    try {
      parsed = Jsonata.jsonata(source);
    } catch (RuntimeException e) {
      throw new MappingException(name, "does not compile: " + e.getMessage(), e);
    }
    List<Exception> errors = parsed.getErrors();
    if (errors != null && !errors.isEmpty()) {
      throw new MappingException(name, "does not compile: " + errors.get(0).getMessage());
    }
    return parsed;
  }
}
