package io.scimfleet.job.jobrunr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Checks an {@code Authorization: Basic} header against the one login in constant time: both sides
 * are hashed (SHA-256) and compared with {@link MessageDigest#isEqual}, so neither the length nor
 * the first differing character shows in the time it takes.
 */
final class BasicLogin {
  private final byte[] expected;

  BasicLogin(String user, String password) {
    this.expected = sha256((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the header carries any Basic credentials (a browser's first request carries none). */
  static boolean offered(String header) {
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }

  boolean matches(String header) {
    if (!offered(header)) return false;
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.substring(6).strip());
    } catch (IllegalArgumentException e) {
      given = new byte[0]; // compared all the same, so that a malformed header takes as long
    }
    return MessageDigest.isEqual(sha256(given), expected);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
