package io.scimfleet.scheduler.http;

import org.jspecify.annotations.Nullable;

/** Checks on the ids that name directory objects in paths and import lines. */
final class Ids {
  static final int MAX_LENGTH = 256;

  private Ids() {}

  static String require(String what, @Nullable String id) {
    if (id == null || id.isBlank())
      throw ApiException.badRequest(what + " is required and must not be empty");
    if (id.length() > MAX_LENGTH)
      throw ApiException.badRequest(what + " is longer than " + MAX_LENGTH + " characters");
    if (id.chars().anyMatch(Character::isISOControl))
      throw ApiException.badRequest(what + " must not hold control characters");
    return id;
  }
}
