package io.scimfleet.testing.scimple;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.directory.scim.core.repository.PatchHandler;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.resources.ScimGroup;

/** The groups of the SCIMple target (displayName need not be unique: RFC 7643 §4.2). */
@ApplicationScoped
public class ScimpleGroups extends InMemoryRepository<ScimGroup> {
  @Inject
  public ScimpleGroups(SchemaRegistry schemas, PatchHandler patches) {
    super(schemas, patches, ScimGroup.SCHEMA_URI, ScimGroup.RESOURCE_NAME);
  }

  /** For CDI's proxy. */
  protected ScimpleGroups() {
    this(null, null);
  }

  @Override
  public Class<ScimGroup> getResourceClass() {
    return ScimGroup.class;
  }

  @Override
  String key(ScimGroup group) {
    return null;
  }
}
