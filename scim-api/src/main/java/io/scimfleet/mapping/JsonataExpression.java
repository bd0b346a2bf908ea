package io.scimfleet.mapping;

import com.dashjoin.jsonata.Jsonata;
import java.util.List;

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
  private final ThreadLocal<Jsonata> perThread;

  private JsonataExpression(Jsonata parsed, String source) {
    this.perThread = ThreadLocal.withInitial(() -> Jsonata.jsonata(source));
    this.perThread.set(parsed);
  }

  /** Parses {@code source}; a syntax error becomes a {@link MappingException} naming {@code name}. */
  static JsonataExpression compile(String name, String source) {
    return new JsonataExpression(parse(name, source), source);
  }

  /** The result as JSONata returns it: maps, lists, strings, numbers, booleans, or null. */
  Object evaluate(String name, MappingInput input) {
    try {
      return perThread.get().evaluate(input.json());
    } catch (RuntimeException | StackOverflowError e) {
      throw new MappingException(name, "failed to evaluate: " + e.getMessage(), e);
    }
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
