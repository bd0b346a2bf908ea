package io.scimfleet.worker.pipeline;

import io.scimfleet.mapping.Mappings;
import io.scimfleet.mapping.ObjectScope;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.scim.ScimClient;

/** What a worker keeps per provider, built once per settings version: client, mappings, scopes. */
public record ProviderContext(
    Provider provider,
    ScimClient client,
    Mappings userMappings,
    Mappings groupMappings,
    ObjectScope userScope,
    ObjectScope groupScope)
    implements AutoCloseable {

  public String name() {
    return provider.name();
  }

  public Mappings mappings(ObjectType type) {
    return type == ObjectType.USER ? userMappings : groupMappings;
  }

  public ObjectScope scope(ObjectType type) {
    return type == ObjectType.USER ? userScope : groupScope;
  }

  @Override
  public void close() {
    client.close();
  }
}
