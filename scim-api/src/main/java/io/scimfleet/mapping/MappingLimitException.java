package io.scimfleet.mapping;

/** A mapping or scope filter stopped because it reached one of the {@link MappingLimits}. */
public class MappingLimitException extends MappingException {
  private static final long serialVersionUID = 1L;
  private final String limit;

  public MappingLimitException(String mappingName, String limit) {
    super(mappingName, "stopped at the " + limit);
    this.limit = limit;
  }

  /** Which limit, e.g. {@code time limit of 100 ms}. */
  public String limit() {
    return limit;
  }
}
