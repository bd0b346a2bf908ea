package io.scimfleet.testing.scimple;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.apache.directory.scim.core.repository.PatchHandler;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.resources.ScimExtension;
import org.apache.directory.scim.spec.resources.ScimUser;

/** The users of the SCIMple target: unique by userName, with the enterprise extension. */
@ApplicationScoped
public class ScimpleUsers extends InMemoryRepository<ScimUser> {
  @Inject
  public ScimpleUsers(SchemaRegistry schemas, PatchHandler patches) {
    super(schemas, patches, ScimUser.SCHEMA_URI, ScimUser.RESOURCE_NAME);
  }

  /** For CDI's proxy. */
  protected ScimpleUsers() {
    this(null, null);
  }

  @Override
  public Class<ScimUser> getResourceClass() {
    return ScimUser.class;
  }

  @Override
  public List<Class<? extends ScimExtension>> getExtensionList() {
    return List.of(EnterpriseExtension.class);
  }

  @Override
  String key(ScimUser user) {
    return user.getUserName() == null ? null : user.getUserName().toLowerCase(Locale.ROOT);
  }
}
