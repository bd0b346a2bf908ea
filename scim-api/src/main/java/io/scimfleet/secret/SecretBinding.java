package io.scimfleet.secret;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where a sealed secret belongs, bound into its AES-GCM associated data: a provider's secret field
 * ({@code token}, {@code password}, {@code clientSecret}) or a user's pending password. A value
 * sealed for one place does not open for another, so a sealed value copied in Redis from one
 * provider, field or user to another is refused instead of being sent to the wrong target.
 *
 * @param parts the kind first, then the names; each is length-prefixed in {@link #aad()}, so no two
 *     bindings share their bytes
 */
public record SecretBinding(List<String> parts) {
  private static final byte[] CONTEXT = "scim-fleet secret v2".getBytes(StandardCharsets.US_ASCII);

  public SecretBinding {
    parts = List.copyOf(parts);
  }

  /**
   * A provider's secret: {@code field} is {@code token}, {@code password} or {@code clientSecret}.
   */
  public static SecretBinding provider(String provider, String field) {
    return new SecretBinding(List.of("provider", provider, field));
  }

  /** An identity source's secret: {@code field} is {@code bindPassword}. */
  public static SecretBinding source(String source, String field) {
    return new SecretBinding(List.of("source", source, field));
  }

  /** A user's password on its way to the targets. */
  public static SecretBinding password(String userId) {
    return new SecretBinding(List.of("password", userId));
  }

  /** The associated data: a fixed context, then each part as its length and its UTF-8 bytes. */
  byte[] aad() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(CONTEXT);
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return String.join("/", parts);
  }
}
