package io.scimfleet.config;

import java.util.Map;

/** Whole numbers read from the environment, with one error wording for every setting. */
public final class EnvNumbers {
  private EnvNumbers() {}

  /** The variable's value, or {@code fallback} when it is unset or blank. */
  public static long wholeNumber(Map<String, String> env, String name, long fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) return fallback;
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
    }
  }

  /** Like {@link #wholeNumber}, for settings that must fit an {@code int}. */
  public static int wholeInt(Map<String, String> env, String name, int fallback) {
    long value = wholeNumber(env, name, fallback);
    if (value != (int) value)
      throw new IllegalArgumentException(name + " is out of range: " + value);
    return (int) value;
  }

  /** Like {@link #wholeNumber}, refusing a value below {@code least}. */
  public static long atLeast(Map<String, String> env, String name, long fallback, long least) {
    long number = wholeNumber(env, name, fallback);
    if (number < least)
      throw new IllegalArgumentException(
          name + " must be a whole number of at least " + least + ", not '" + env.get(name) + "'");
    return number;
  }

  /** Like {@link #atLeast}, for settings that must fit an {@code int}. */
  public static int intAtLeast(Map<String, String> env, String name, int fallback, int least) {
    atLeast(env, name, fallback, least);
    return wholeInt(env, name, fallback);
  }
}
