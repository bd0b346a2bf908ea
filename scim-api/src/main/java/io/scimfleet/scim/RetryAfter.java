package io.scimfleet.scim;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Reads {@code Retry-After} as delta-seconds ({@code 120}) or an HTTP date (RFC 9110 §10.2.3). */
final class RetryAfter {
  private RetryAfter() {}

  /** The wait, never negative; null when the header is absent or unreadable. */
  static @Nullable Duration parse(@Nullable String header, Clock clock) {
    if (header == null || header.isBlank()) return null;
    String value = header.trim();
    if (value.chars().allMatch(Character::isDigit))
      return Duration.ofSeconds(Long.parseLong(value));
    return untilDate(value, clock);
  }

  private static @Nullable Duration untilDate(String value, Clock clock) {
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
