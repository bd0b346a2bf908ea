package io.scimfleet.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;

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
   * {@code source} names where the text came from (a variable or a file), for the error message.
   */
  static SecretKey parse(String base64, String source) {
    try {
      byte[] key =
          Base64.getMimeDecoder().decode(base64.strip().getBytes(StandardCharsets.US_ASCII));
      if (key.length != BYTES) throw new IllegalArgumentException();
      return of(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + " must be " + HOW_TO);
    }
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
