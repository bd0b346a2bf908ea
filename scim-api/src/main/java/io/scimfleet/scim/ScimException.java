package io.scimfleet.scim;

import io.scimfleet.error.FleetException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A SCIM request that failed: what was asked ({@link #method()}, {@link #path()}) and what the
 * target answered ({@link #status()}, {@link #scimType()}, {@link #detail()}). The message reads
 * like {@code PATCH /Groups/42 -> 409 uniqueness: displayName already exists}. Made only by {@link
 * ScimErrors}; an unexpected status (405, 415, 422, ...) is a plain, permanent one.
 */
public class ScimException extends FleetException {
  private static final long serialVersionUID = 1L;
  private final transient ScimError error;

  protected ScimException(ScimError error) {
    super(error.message(), error.cause());
    this.error = error;
  }

  /** The HTTP status, or -1 when no response came. */
  public int status() {
    return error.status();
  }

  public Optional<String> scimType() {
    return Optional.ofNullable(error.scimType());
  }

  public @Nullable String detail() {
    return error.detail();
  }

  public String method() {
    return error.method();
  }

  /** The path relative to the base URL, with a leading slash: {@code /Groups/42}. */
  public String path() {
    return error.path();
  }

  /** How long the target asked us to wait (Retry-After), when it said so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(error.retryAfter());
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
