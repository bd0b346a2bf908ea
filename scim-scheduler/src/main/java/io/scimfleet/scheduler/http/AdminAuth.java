package io.scimfleet.scheduler.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code Authorization: Bearer <SCIM_ADMIN_TOKEN>} on every API route. Both tokens are hashed before
 * the constant-time {@link MessageDigest#isEqual} so that not even their length leaks.
 */
final class AdminAuth {
  private final byte[] expected;

  AdminAuth(String adminToken) {
    if (adminToken == null || adminToken.isBlank()) {
      throw new IllegalArgumentException("the API needs SCIM_ADMIN_TOKEN: set it to a long random value");
    }
    this.expected = sha256(adminToken);
  }

  void require(Context ctx) {
    String header = ctx.header("Authorization");
    boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    if (!bearer || !MessageDigest.isEqual(expected, sha256(header.substring(7).trim()))) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(401, "missing or wrong admin token: send 'Authorization: Bearer <SCIM_ADMIN_TOKEN>'");
    }
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
