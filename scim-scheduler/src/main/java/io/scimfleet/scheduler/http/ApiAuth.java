package io.scimfleet.scheduler.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code Authorization: Bearer <token>} on every API route. {@code SCIM_ADMIN_TOKEN} opens every
 * route; the optional {@code SCIM_DIRECTORY_TOKEN} opens only the directory routes ({@code
 * /api/v1/users}, {@code /api/v1/groups}, {@code /api/v1/import} and below, but not a user's
 * provisioning receipts, which tell about the providers), which is all an identity source needs.
 * The tokens' bytes are kept from the start; each request's token is compared with {@link
 * MessageDigest#isEqual}, the known token first: its time depends only on the known token's length,
 * never on the given one's length or on either's content, so that neither leaks (and no request
 * pays for a hash).
 */
final class ApiAuth {
  private static final Pattern DIRECTORY_ROUTE =
      Pattern.compile("/api/v1/(users|groups|import)(/.*)?");

  /** Under the directory routes, but about the providers: admin only. */
  private static final Pattern RECEIPT_ROUTE =
      Pattern.compile("/api/v1/users/[^/]+/provisioning/*");

  private static final Pattern TRICKY_PATH =
      Pattern.compile(".*(%2f|%5c|%2e|\\\\|/\\.\\.?(/|$)).*");
  private final byte[] admin;
  private final byte @Nullable [] directory;

  ApiAuth(String adminToken, @Nullable String directoryToken) {
    if (adminToken == null || adminToken.isBlank()) {
      throw new IllegalArgumentException(
          "the API needs SCIM_ADMIN_TOKEN: set it to a long random value");
    }
    if (directoryToken != null && directoryToken.equals(adminToken)) {
      throw new IllegalArgumentException("SCIM_DIRECTORY_TOKEN must differ from SCIM_ADMIN_TOKEN");
    }
    this.admin = utf8(adminToken);
    this.directory =
        directoryToken == null || directoryToken.isBlank() ? null : utf8(directoryToken);
  }

  void require(Context ctx) {
    byte[] given = bearer(ctx);
    if (given != null && MessageDigest.isEqual(admin, given)) return;
    boolean isDirectory =
        given != null && directory != null && MessageDigest.isEqual(directory, given);
    if (isDirectory && isDirectoryRoute(ctx.path())) return;
    if (isDirectory) {
      throw new ApiException(
          403,
          "the directory token opens only /api/v1/users, /api/v1/groups and /api/v1/import"
              + " (not a user's provisioning receipts): this route needs SCIM_ADMIN_TOKEN");
    }
    ctx.header("WWW-Authenticate", "Bearer");
    throw new ApiException(
        401,
        "missing or wrong token: send 'Authorization: Bearer <SCIM_ADMIN_TOKEN>' "
            + "(or SCIM_DIRECTORY_TOKEN on the directory routes)");
  }

  /** The directory routes, and no path whose encoding or dot segments could lead elsewhere. */
  static boolean isDirectoryRoute(String path) {
    return DIRECTORY_ROUTE.matcher(path).matches()
        && !RECEIPT_ROUTE.matcher(path).matches()
        && !TRICKY_PATH.matcher(path.toLowerCase(Locale.ROOT)).matches();
  }

  private static byte @Nullable [] bearer(Context ctx) {
    String header = ctx.header("Authorization");
    boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    return bearer ? utf8(header.substring(7).trim()) : null;
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
