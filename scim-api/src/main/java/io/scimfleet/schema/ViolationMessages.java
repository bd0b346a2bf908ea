package io.scimfleet.schema;

import com.networknt.schema.ValidationMessage;

/** Turns the validator's messages into violations that name the offending path itself. */
final class ViolationMessages {
  private ViolationMessages() {}

  /** {@code rootPath} replaces the leading {@code $}, for schemas applied to part of a resource. */
  static Violation toViolation(ValidationMessage message, String rootPath) {
    String at = message.getInstanceLocation().toString();
    String path = rootPath + at.substring(1);
    if ("required".equals(message.getType())) {
      return new Violation(path + "." + message.getProperty(), "is missing but it is required");
    }
    return new Violation(path, reason(message.getMessage(), at));
  }

  private static String reason(String message, String at) {
    String prefix = at + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
