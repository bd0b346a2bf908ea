package io.scimfleet.schema;

import io.scimfleet.error.FleetException;
import io.scimfleet.model.ObjectType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A mapped resource that breaks its SCIM schema. Permanent: the mapping or the directory data must
 * change. The message lists every violation, for example {@code invalid SCIM user: $.userName: is
 * missing but it is required; $.active: string found, boolean expected}.
 */
public class ValidationException extends FleetException {
  private static final long serialVersionUID = 1L;
  private final ObjectType type;
  private final transient List<Violation> violations;

  public ValidationException(ObjectType type, List<Violation> violations) {
    super(
        "invalid SCIM "
            + type.label()
            + ": "
            + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.type = type;
    this.violations = List.copyOf(violations);
  }

  public ObjectType type() {
    return type;
  }

  public List<Violation> violations() {
    return violations;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
