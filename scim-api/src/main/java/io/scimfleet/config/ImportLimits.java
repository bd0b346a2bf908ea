package io.scimfleet.config;

import java.util.Map;

/**
 * How much one {@code POST /api/v1/import} may hold: {@code SCIM_MAX_IMPORT_BYTES} (256 MiB) of
 * body and {@code SCIM_MAX_IMPORT_LINES} (1,000,000) lines. A body that says it is larger ({@code
 * Content-Length}) is refused before a line is read; one that grows past a limit while it streams
 * stops there.
 */
public record ImportLimits(long maxBytes, long maxLines) {
  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
  public static final long DEFAULT_MAX_LINES = 1_000_000;

  public ImportLimits {
    if (maxBytes < 1 || maxLines < 1)
      throw new IllegalArgumentException(
          "SCIM_MAX_IMPORT_BYTES and SCIM_MAX_IMPORT_LINES must be at least 1");
  }

  public static ImportLimits defaults() {
    return new ImportLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES);
  }

  public static ImportLimits fromEnv(Map<String, String> env) {
    return new ImportLimits(
        EnvNumbers.wholeNumber(env, "SCIM_MAX_IMPORT_BYTES", DEFAULT_MAX_BYTES),
        EnvNumbers.wholeNumber(env, "SCIM_MAX_IMPORT_LINES", DEFAULT_MAX_LINES));
  }
}
