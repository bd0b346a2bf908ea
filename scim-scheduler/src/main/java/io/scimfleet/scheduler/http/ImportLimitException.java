package io.scimfleet.scheduler.http;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An import that reached {@code SCIM_MAX_IMPORT_BYTES} or {@code SCIM_MAX_IMPORT_LINES}: answered
 * 413 with the limit and, when it stopped while streaming, what was stored before it.
 */
final class ImportLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient @Nullable ImportResult stored;

  ImportLimitException(String message) {
    this(message, null);
  }

  private ImportLimitException(String message, @Nullable ImportResult stored) {
    super(message);
    this.stored = stored;
  }

  /** The same limit, with what the import stored before it stopped. */
  ImportLimitException withStored(ImportResult value) {
    return new ImportLimitException(
        Objects.requireNonNull(getMessage(), "an import limit always says which"), value);
  }

  /** What was stored before the limit; null when nothing was read. */
  @Nullable ImportResult stored() {
    return stored;
  }
}
