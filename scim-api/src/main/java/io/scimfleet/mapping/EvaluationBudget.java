package io.scimfleet.mapping;

import com.dashjoin.jsonata.Jsonata;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Holds one evaluation to its {@link MappingLimits}: JSONata calls it on entering and leaving every
 * evaluation step, where it checks the clock, the nesting depth and the size of what the step made.
 * Every step is checked: JSONata's own timebox skips steps while a frame is marked as a "parallel
 * call", a flag that 0.9.8 leaves set after the first value of an object or array constructor.
 *
 * <p>Built-in functions run between two calls; those that build strings ({@code $pad}, {@code
 * $join}, {@code $string}, {@code $replace}) are replaced by bounded ones ({@link
 * BoundedBuiltIns}), and an operand of {@code &} that is an array or object is measured here before
 * JSONata turns it into a string. A step that never ends is left to the {@link EvaluationWatchdog}.
 */
final class EvaluationBudget {
  private final String name;
  private final MappingLimits limits;
  private long deadline;
  private final Object[] steps;
  private int depth;
  private volatile boolean abandoned;

  EvaluationBudget(String name, MappingLimits limits) {
    this.name = name;
    this.limits = limits;
    this.steps = new Object[limits.maxDepth() + 1];
  }

  String name() {
    return name;
  }

  /**
   * A frame for one evaluation whose steps report to this budget; the clock starts now, on the
   * thread that evaluates.
   */
  Jsonata.Frame frame(Jsonata expression) {
    deadline = System.nanoTime() + limits.timeout().toNanos();
    Jsonata.Frame frame = expression.createFrame();
    frame.setEvaluateEntryCallback(callback(Jsonata.EntryCallback.class, args -> enter(args[0])));
    frame.setEvaluateExitCallback(callback(Jsonata.ExitCallback.class, args -> exit(args[3])));
    return frame;
  }

  /**
   * JSONata's callback interfaces name its package-private {@code Parser.Symbol}, so they cannot be
   * implemented in plain Java outside its package; a proxy can.
   */
  private static <T> T callback(Class<T> type, Consumer<Object[]> body) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) return method.invoke(body, args);
              body.accept(args);
              return null;
            }));
  }

  private void enter(Object step) {
    if (depth + 1 > limits.maxDepth())
      throw exceeded("depth limit of " + limits.maxDepth() + " (endless recursion?)");
    steps[++depth] = step;
    checkClock();
  }

  private void exit(Object result) {
    Object parent = depth > 1 ? steps[depth - 1] : null;
    if (depth > 0) steps[depth--] = null;
    checkClock();
    requireSize(result);
    if (isStructure(result) && parent != null && JsonataSyntax.isStringConcat(parent)) {
      requireStringLength(JsonText.lengthAtLeast(result, limits.maxStringLength() + 1L, false));
    }
  }

  /** Called by the watchdog: the caller has gone, so the next step ends the evaluation. */
  void abandon() {
    abandoned = true;
  }

  /**
   * How long the watchdog waits for the evaluation: the time limit and a quarter more, at least 250
   * ms more (a new thread parses its copy of the expression first).
   */
  long watchdogMillis() {
    long timeout = limits.timeout().toMillis();
    return timeout + Math.max(250, timeout / 4);
  }

  MappingLimitException timeLimitReached() {
    return exceeded("time limit of " + limits.timeout().toMillis() + " ms (endless loop?)");
  }

  void checkClock() {
    if (abandoned || System.nanoTime() - deadline > 0) throw timeLimitReached();
  }

  void requireStringLength(long length) {
    if (length > limits.maxStringLength()) {
      throw exceeded("string length limit of " + limits.maxStringLength() + " characters");
    }
  }

  private void requireSize(Object result) {
    if (result instanceof CharSequence text) requireStringLength(text.length());
    if (result instanceof Collection<?> list && list.size() > limits.maxArrayLength()) {
      throw exceeded("array length limit of " + limits.maxArrayLength() + " elements");
    }
  }

  private static boolean isStructure(Object result) {
    return result instanceof Collection<?> || result instanceof Map<?, ?>;
  }

  private MappingLimitException exceeded(String limit) {
    return new MappingLimitException(name, limit);
  }
}
