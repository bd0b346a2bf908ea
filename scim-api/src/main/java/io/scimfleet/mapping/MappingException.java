package io.scimfleet.mapping;

import io.scimfleet.error.FleetException;

/**
 * A mapping or scope filter that does not compile, fails to evaluate or produces something that is
 * not a JSON object. Permanent: the same object fails the same way until someone fixes the mapping.
 */
public class MappingException extends FleetException {
  private static final long serialVersionUID = 1L;
  private final String mappingName;

  public MappingException(String mappingName, String problem) {
    super(message(mappingName, problem));
    this.mappingName = mappingName;
  }

  public MappingException(String mappingName, String problem, Throwable cause) {
    super(message(mappingName, problem), cause);
    this.mappingName = mappingName;
  }

  /** The name of the mapping (or {@code scope filter}) that failed. */
  public String mappingName() {
    return mappingName;
  }

  @Override
  public boolean retryable() {
    return false;
  }

  private static String message(String mappingName, String problem) {
    return "mapping '" + mappingName + "': " + problem;
  }
}
