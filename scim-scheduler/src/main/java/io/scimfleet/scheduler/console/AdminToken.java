package io.scimfleet.scheduler.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * The admin token a sign-in must give: compared as SHA-256 hashes in constant time, so that neither
 * its content nor its length leaks; the token itself is not kept.
 */
final class AdminToken {
  private final byte[] hash;

  AdminToken(@Nullable String token) {
    if (token == null || token.isBlank())
      throw new IllegalArgumentException("the console needs SCIM_ADMIN_TOKEN");
    this.hash = sha256(token);
  }

  boolean matches(@Nullable String given) {
    return given != null && MessageDigest.isEqual(hash, sha256(given.strip()));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
