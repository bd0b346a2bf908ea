package io.scimfleet.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion.VersionFlag;
import io.scimfleet.model.ObjectType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Validates SCIM resources against the bundled schemas, loaded once. Thread-safe: share one
 * instance. A user whose {@code schemas} lists the Enterprise User extension also has that
 * extension's object validated, its violations reported under {@code
 * $['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']}.
 */
public final class ScimSchemaValidator {
  public static final String ENTERPRISE_USER_SCHEMA =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String ENTERPRISE_USER_PATH = "$['" + ENTERPRISE_USER_SCHEMA + "']";

  private final JsonSchema user = load("user.schema.json");
  private final JsonSchema group = load("group.schema.json");
  private final JsonSchema enterpriseUser = load("enterprise-user.schema.json");

  /** Every violation, ordered by path; empty when the resource is valid. */
  public List<Violation> validate(ObjectType type, JsonNode resource) {
    List<Violation> violations = new ArrayList<>(violations(core(type), resource, "$"));
    JsonNode extension = resource.path(ENTERPRISE_USER_SCHEMA);
    if (type == ObjectType.USER && declaresEnterpriseUser(resource) && !extension.isMissingNode()) {
      violations.addAll(violations(enterpriseUser, extension, ENTERPRISE_USER_PATH));
    }
    violations.sort(Comparator.comparing(Violation::path).thenComparing(Violation::reason));
    return violations;
  }

  /**
   * Checks the resource against the type's schema.
   *
   * @throws ValidationException listing every violation, when there is any
   */
  public void requireValid(ObjectType type, JsonNode resource) {
    List<Violation> violations = validate(type, resource);
    if (!violations.isEmpty()) throw new ValidationException(type, violations);
  }

  private JsonSchema core(ObjectType type) {
    return type == ObjectType.USER ? user : group;
  }

  private static boolean declaresEnterpriseUser(JsonNode resource) {
    for (JsonNode schema : resource.path("schemas")) {
      if (ENTERPRISE_USER_SCHEMA.equals(schema.asText())) return true;
    }
    return false;
  }

  private static List<Violation> violations(JsonSchema schema, JsonNode node, String rootPath) {
    return schema.validate(node).stream()
        .map(message -> ViolationMessages.toViolation(message, rootPath))
        .toList();
  }

  private static JsonSchema load(String file) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(VersionFlag.V202012);
    JsonSchema schema =
        factory.getSchema(SchemaLocation.of("classpath:io/scimfleet/schema/" + file));
    schema.initializeValidators();
    return schema;
  }
}
