package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scimfleet.model.Provider;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A plan's id: the directory's version, a dash and a SHA-256 (first 128 bits) of the proposed
 * settings, the stored ones (none for a new provider) and the directory's version, so that an apply
 * with {@code ifPlan} can tell whether any of them changed. Settings are taken as the API shows
 * them ({@link ProviderView}): never a secret, so a new token alone does not make a plan stale (it
 * changes no payload).
 */
final class PlanId {
  private PlanId() {}

  static String of(Provider proposed, Optional<Provider> current, long directoryVersion) {
    String text =
        settings(proposed)
            + "\n"
            + current.map(PlanId::settings).orElse("new")
            + "\n"
            + directoryVersion;
    return directoryVersion + "-" + HexFormat.of().formatHex(sha256(text)).substring(0, 32);
  }

  /** The directory version a plan id was made at; -1 when it is not a plan id. */
  static long directoryVersion(String planId) {
    int dash = planId.indexOf('-');
    try {
      return dash <= 0 ? -1 : Long.parseLong(planId.substring(0, dash));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String settings(Provider provider) {
    try {
      return ApiJson.MAPPER.writeValueAsString(ProviderView.of(provider));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
