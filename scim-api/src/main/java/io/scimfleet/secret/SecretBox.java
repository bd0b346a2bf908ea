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
import org.jspecify.annotations.Nullable;

/**
 * Encrypts inline secrets at rest with AES-256-GCM (the JDK's). A sealed value reads {@code
 * sealed:v2:<key id>:<base64url of nonce, ciphertext and tag>}, and its associated data is its
 * {@link SecretBinding} (provider and field, or the user of a password): it opens only where it was
 * sealed. Values of the first format ({@code sealed:v1:}, one fixed associated data for all) still
 * open, anywhere, so that an upgrade reads what is stored; the scheduler seals them again as {@code
 * v2} when it starts, and passwords expire. The current key seals; it and the previous keys open,
 * which is how a key is rotated: the new key becomes {@code SCIM_SECRET_KEY}, the old one {@code
 * SCIM_SECRET_KEY_PREVIOUS}, and the scheduler seals every stored secret again with the new key
 * when it starts.
 */
public final class SecretBox {
  public static final String KEY_VARIABLE = "SCIM_SECRET_KEY";
  private static final String PREFIX = "sealed:v2:";
  private static final String PREFIX_V1 = "sealed:v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] CONTEXT_V1 =
      "scim-fleet secret v1".getBytes(StandardCharsets.US_ASCII);
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

  /** Sealed in either format; a clear value is not. */
  public static boolean isSealed(String value) {
    return value != null && (value.startsWith(PREFIX) || value.startsWith(PREFIX_V1));
  }

  /** The id of the key that seals. */
  public String keyId() {
    return current.id();
  }

  /**
   * True when the value is sealed in the current format with the current key (false: seal it
   * again).
   */
  public boolean isCurrent(String sealed) {
    return isSealed(sealed) && sealed.startsWith(PREFIX + current.id() + ":");
  }

  /** Seals {@code clear} for this place only. */
  public String seal(String clear, SecretBinding binding) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] ciphertext;
    try {
      ciphertext =
          crypt(
              Cipher.ENCRYPT_MODE,
              current,
              nonce,
              clear.getBytes(StandardCharsets.UTF_8),
              0,
              binding.aad());
    } catch (GeneralSecurityException e) {
      throw new SecretException(binding + ": cannot seal with key " + current.id(), e);
    }
    byte[] out = new byte[NONCE_BYTES + ciphertext.length];
    System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
    System.arraycopy(ciphertext, 0, out, NONCE_BYTES, ciphertext.length);
    return PREFIX
        + current.id()
        + ":"
        + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  /**
   * Opens a value sealed for this place (or a {@code v1} value, which is bound to no place).
   *
   * @throws SecretException when the value is not sealed (a clear value is never accepted), is
   *     damaged, was sealed for another place, or with a key this process does not have
   */
  public String open(String sealed, SecretBinding binding) {
    if (!isSealed(sealed)) throw new SecretException(binding + ": not a sealed secret");
    boolean v1 = sealed.startsWith(PREFIX_V1);
    String rest = sealed.substring(v1 ? PREFIX_V1.length() : PREFIX.length());
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
    byte[] aad = v1 ? CONTEXT_V1 : binding.aad();
    try {
      return new String(
          crypt(Cipher.DECRYPT_MODE, key, nonce, data, NONCE_BYTES, aad), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new SecretException(
          binding
              + ": the sealed secret does not open with key "
              + key.id()
              + ": damaged, sealed by another key, or sealed for another place (a value copied"
              + " from another provider, field or user)",
          e);
    }
  }

  private static byte[] crypt(
      int mode, SecretKey key, byte[] nonce, byte[] input, int offset, byte[] aad)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(aad);
    return cipher.doFinal(input, offset, input.length - offset);
  }

  private static String read(@Nullable String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read " + KEY_VARIABLE + "_FILE " + file + ": " + e.getMessage());
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    return "SecretBox[key " + current.id() + ", " + (keys.size() - 1) + " previous]";
  }
}
