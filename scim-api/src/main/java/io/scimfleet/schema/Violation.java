package io.scimfleet.schema;

/** One way a resource breaks its schema: where, as a JSON path ({@code $.emails}), and why. */
public record Violation(String path, String reason) {
  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
