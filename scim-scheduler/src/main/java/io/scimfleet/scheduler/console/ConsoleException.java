package io.scimfleet.scheduler.console;

import java.util.Objects;

/** A request the console refuses, with the status and a message the operator can act on. */
final class ConsoleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  ConsoleException(int status, String message) {
    super(message);
    this.status = status;
  }

  static ConsoleException notFound(String message) {
    return new ConsoleException(404, message);
  }

  /** The message it was made with, never null. */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage(), "a ConsoleException always has a message");
  }

  int status() {
    return status;
  }
}
