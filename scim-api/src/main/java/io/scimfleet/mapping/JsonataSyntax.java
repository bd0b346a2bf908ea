package io.scimfleet.mapping;

import java.lang.reflect.Field;

/**
 * Reads what kind of step a JSONata syntax node is. The node class ({@code Parser.Symbol}) is
 * package-private in jsonata-java 0.9.8, so its fields are read by reflection; the library is on
 * the class path, where that is allowed.
 */
final class JsonataSyntax {
  private static final Field TYPE = field("type");
  private static final Field VALUE = field("value");

  private JsonataSyntax() {}

  /** True for the {@code &} operator, which turns arrays and objects into JSON text. */
  static boolean isStringConcat(Object node) {
    try {
      // the operator is not always held as a String: JSONata itself compares ""+value
      return "binary".equals(TYPE.get(node)) && "&".equals(String.valueOf(VALUE.get(node)));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read a JSONata syntax node", e);
    }
  }

  private static Field field(String name) {
    try {
      Field field = Class.forName("com.dashjoin.jsonata.Parser$Symbol").getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
