package io.scimfleet.mapping;

import com.dashjoin.jsonata.Jsonata;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * Holds one evaluation to its {@link MappingLimits}: JSONata calls it on entering and leaving every
 * evaluation step, where it checks the clock, the nesting depth and the size of what the step made.
 * Built-in functions run between two calls; those that could make something huge from a small
 * argument ({@code $pad}) are replaced by bounded ones in {@link JsonataExpression}.
 */
final class EvaluationBudget {
  private final String name;
  private final MappingLimits limits;
  private final long deadline;
  private int depth;

  EvaluationBudget(String name, MappingLimits limits) {
    this.name = name;
    this.limits = limits;
    this.deadline = System.nanoTime() + limits.timeout().toNanos();
  }

  /** A frame for one evaluation whose steps report to this budget. */
  Jsonata.Frame frame(Jsonata expression) {
    Jsonata.Frame frame = expression.createFrame();
    frame.setEvaluateEntryCallback(
        callback(Jsonata.EntryCallback.class, args -> enter((Jsonata.Frame) args[2])));
    frame.setEvaluateExitCallback(
        callback(Jsonata.ExitCallback.class, args -> exit((Jsonata.Frame) args[2], args[3])));
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

  private void enter(Jsonata.Frame frame) {
    if (frame.isParallelCall) return;
    if (++depth > limits.maxDepth())
      throw exceeded("depth limit of " + limits.maxDepth() + " (endless recursion?)");
    checkClock();
  }

  private void exit(Jsonata.Frame frame, Object result) {
    if (frame.isParallelCall) return;
    depth--;
    checkClock();
    requireSize(result);
  }

  void checkClock() {
    if (System.nanoTime() - deadline > 0) {
      throw exceeded("time limit of " + limits.timeout().toMillis() + " ms (endless loop?)");
    }
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

  private MappingLimitException exceeded(String limit) {
    return new MappingLimitException(name, limit);
  }
}
