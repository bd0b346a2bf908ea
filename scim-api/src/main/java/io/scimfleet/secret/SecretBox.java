package io.scimfleet.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts inline secrets at rest with AES-256-GCM (the JDK's). A sealed value reads {@code
 * sealed:v1:<key id>:<base64url of nonce, ciphertext and tag>}. The current key seals; it and the
 * previous keys open, which is how a key is rotated: the new key becomes {@code SCIM_SECRET_KEY},
 * the old one {@code SCIM_SECRET_KEY_PREVIOUS}, and the scheduler seals every stored secret again
 * with the new key when it starts.
 */
public final class SecretBox {
  public static final String KEY_VARIABLE = "SCIM_SECRET_KEY";
  private static final String PREFIX = "sealed:v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] CONTEXT = "scim-fleet secret v1".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey current;
  private final Map<String, SecretKey> keys = new LinkedHashMap<>();

  private SecretBox(SecretKey current, List<SecretKey> previous) {
    this.current = current;
    keys.put(current.id(), current);
    previous.forEach(key -> keys.putIfAbsent(key.id(), key));
  }

  /** A box with this key (32 bytes) and, for opening only, the previous ones. */
  public static SecretBox of(byte[] key, byte[]... previous) {
    List<SecretKey> old = new ArrayList<>();
    for (byte[] bytes : previous) old.add(SecretKey.of(bytes));
    return new SecretBox(SecretKey.of(key), old);
  }

  /** A box with a random key that lives as long as this process: only for in-memory runs. */
  public static SecretBox generated() {
    byte[] key = new byte[SecretKey.BYTES];
    RANDOM.nextBytes(key);
    return of(key);
  }

  /**
   * From {@code SCIM_SECRET_KEY} or {@code SCIM_SECRET_KEY_FILE}, with {@code
   * SCIM_SECRET_KEY_PREVIOUS} (comma-separated) for opening only; empty when no key is set.
   *
   * @throws IllegalArgumentException when a key is not the base64 of 32 bytes
   */
  public static Optional<SecretBox> fromEnv(Map<String, String> env) {
    String inline = blankToNull(env.get(KEY_VARIABLE));
    String file = blankToNull(env.get(KEY_VARIABLE + "_FILE"));
    if (inline != null && file != null) {
      throw new IllegalArgumentException(
          "set " + KEY_VARIABLE + " or " + KEY_VARIABLE + "_FILE, not both");
    }
    if (inline == null && file == null) return Optional.empty();
    SecretKey current =
        inline != null ? SecretKey.parse(inline, KEY_VARIABLE) : SecretKey.parse(read(file), file);
    List<SecretKey> previous = new ArrayList<>();
    String old = blankToNull(env.get(KEY_VARIABLE + "_PREVIOUS"));
    if (old != null) {
      for (String key : old.split(",", -1))
        if (!key.isBlank()) previous.add(SecretKey.parse(key, KEY_VARIABLE + "_PREVIOUS"));
    }
    return Optional.of(new SecretBox(current, previous));
  }

  public static boolean isSealed(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  /** The id of the key that seals. */
  public String keyId() {
    return current.id();
  }

  /** True when the value is sealed with the current key (false: seal it again). */
  public boolean isCurrent(String sealed) {
    return isSealed(sealed) && sealed.startsWith(PREFIX + current.id() + ":");
  }

  public String seal(String clear) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] ciphertext =
        crypt(Cipher.ENCRYPT_MODE, current, nonce, clear.getBytes(StandardCharsets.UTF_8), 0);
    byte[] out = new byte[NONCE_BYTES + ciphertext.length];
    System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
    System.arraycopy(ciphertext, 0, out, NONCE_BYTES, ciphertext.length);
    return PREFIX
        + current.id()
        + ":"
        + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  public String open(String sealed) {
    if (!isSealed(sealed)) throw new SecretException("not a sealed secret");
    String rest = sealed.substring(PREFIX.length());
    int colon = rest.indexOf(':');
    SecretKey key = colon < 0 ? null : keys.get(rest.substring(0, colon));
    if (key == null) {
      throw new SecretException(
          "a secret is sealed with a key this process does not have (id "
              + (colon < 0 ? "?" : rest.substring(0, colon))
              + "): give it as "
              + KEY_VARIABLE
              + " or "
              + KEY_VARIABLE
              + "_PREVIOUS");
    }
    byte[] data;
    try {
      data = Base64.getUrlDecoder().decode(rest.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new SecretException("a sealed secret is damaged");
    }
    if (data.length <= NONCE_BYTES) throw new SecretException("a sealed secret is damaged");
    byte[] nonce = Arrays.copyOf(data, NONCE_BYTES);
    return new String(
        crypt(Cipher.DECRYPT_MODE, key, nonce, data, NONCE_BYTES), StandardCharsets.UTF_8);
  }

  private static byte[] crypt(int mode, SecretKey key, byte[] nonce, byte[] input, int offset) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(CONTEXT);
      return cipher.doFinal(input, offset, input.length - offset);
    } catch (GeneralSecurityException e) {
      throw new SecretException(
          "a sealed secret does not open with key "
              + key.id()
              + ": damaged, or sealed by another key",
          e);
    }
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read " + KEY_VARIABLE + "_FILE " + file + ": " + e.getMessage());
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    return "SecretBox[key " + current.id() + ", " + (keys.size() - 1) + " previous]";
  }
}
