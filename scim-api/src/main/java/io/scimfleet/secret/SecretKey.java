package io.scimfleet.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * One AES-256 key and its id: the first 8 hex digits of the SHA-256 of the key, so that a sealed
 * value names the key that sealed it without anyone configuring ids.
 */
record SecretKey(String id, SecretKeySpec spec) {
  static final int BYTES = 32;
  static final String HOW_TO =
      "the base64 of 32 random bytes, e.g. the output of 'openssl rand -base64 32'";

  static SecretKey of(byte[] key) {
    if (key.length != BYTES)
      throw new IllegalArgumentException(
          "an encryption key must be " + HOW_TO + "; got " + key.length + " bytes");
    return new SecretKey(idOf(key), new SecretKeySpec(key, "AES"));
  }

  /**
   * Strict: exactly 44 characters of standard base64 (padding included, nothing else but white
   * space around them, as a file's final newline) that decode to exactly 32 bytes. {@code source}
   * names where the text came from (a variable or a file), for the error message, which never shows
   * the text.
   */
  static SecretKey parse(String base64, @Nullable String source) {
    String text = base64.strip();
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw refused(source, "it is not base64 (A-Z, a-z, 0-9, '+', '/', '=' only)");
    }
    if (key.length != BYTES)
      throw refused(source, "it decodes to " + key.length + " bytes, not " + BYTES);
    if (!Base64.getEncoder().encodeToString(key).equals(text))
      throw refused(source, "it is not in the canonical form (44 characters ending in '=')");
    return of(key);
  }

  private static IllegalArgumentException refused(@Nullable String source, String why) {
    return new IllegalArgumentException(source + " must be " + HOW_TO + "; " + why);
  }

  private static String idOf(byte[] key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "SecretKey[" + id + "]";
  }
}
