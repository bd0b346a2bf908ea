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
    if (hasControlCharacter(id))
      throw ApiException.badRequest(what + " must not hold control characters");
    return id;
  }

  /** A plain loop: it runs on every write, where a stream cost more than the check itself. */
  private static boolean hasControlCharacter(String id) {
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) return true;
    }
    return false;
  }
}
