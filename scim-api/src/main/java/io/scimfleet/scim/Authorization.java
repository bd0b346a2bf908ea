package io.scimfleet.scim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the {@code Authorization} header of every request comes from: a fixed bearer token, Basic
 * credentials, or a supplier that fetches and caches tokens (OAuth 2.0). When a target answers 401
 * to a request, the transport calls {@link #invalidate(String)} with the header it sent; if that
 * returns true the request is sent once more with a fresh {@link #header()}. Header values are
 * never logged.
 */
public interface Authorization {
  /** Sends no {@code Authorization} header. */
  Authorization NONE = () -> null;

  /** The header value for the next request, or null to send none. */
  @Nullable String header();

  /**
   * The target refused {@code rejected} with 401. Returns true when a different header can now be
   * had (a cached token was dropped), so that the request is worth sending once more.
   */
  default boolean invalidate(@Nullable String rejected) {
    return false;
  }

  /** A secret that error messages must mask even when a target echoes it back, or null. */
  default @Nullable String secret() {
    return null;
  }

  static Authorization bearer(String token) {
    return new Static("Bearer " + Objects.requireNonNull(token, "token"), token);
  }

  /** RFC 7617 Basic, UTF-8. */
  static Authorization basic(@Nullable String username, String password) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    String pair = username + ":" + password;
    return new Static(
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
        password);
  }

  /** A header that never changes; {@link #toString()} hides it. */
  record Static(String header, String secret) implements Authorization {
    @Override
    public String toString() {
      return "Authorization[" + header.substring(0, header.indexOf(' ')) + "]";
    }
  }
}
