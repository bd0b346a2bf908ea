package io.scimfleet.worker.handler;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A store (or any interface) that behaves as the real one except where a fault is injected: the
 * fault sees each call's method name and arguments and returns the throwable to throw, or null to
 * let the real store answer.
 */
final class Faults {
  /** A call to the store: its method's name and its arguments. */
  // the arguments are the array the proxy's InvocationHandler receives, passed on as they are
  @SuppressWarnings("ArrayRecordComponent")
  record Call(String method, Object[] args) {
    boolean mentions(String text) {
      return Arrays.deepToString(args).contains(text);
    }
  }

  private Faults() {}

  static <T> T injected(Class<T> type, T real, Function<Call, Throwable> fault) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          Throwable thrown =
              fault.apply(new Call(method.getName(), args == null ? new Object[0] : args));
          if (thrown != null) throw thrown;
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
