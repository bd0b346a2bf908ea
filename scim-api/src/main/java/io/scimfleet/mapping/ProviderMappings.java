package io.scimfleet.mapping;

import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;

/**
 * A provider's mappings and scope as every part of the fleet reads them: the built-in mappings
 * overlaid by name with the provider's own, and its JSONata scope filter per object type.
 */
public final class ProviderMappings {
  private ProviderMappings() {}

  public static Mappings compile(Provider provider, ObjectType type) {
    return type == ObjectType.USER
        ? Mappings.compile(DefaultMappings.overlay(DefaultMappings.users(), provider.userMappings()))
        : Mappings.compile(DefaultMappings.overlay(DefaultMappings.groups(), provider.groupMappings()));
  }

  public static ScopeFilter scope(Provider provider, ObjectType type) {
    return ScopeFilter.compile(scopeExpression(provider, type));
  }

  /** The provider's scope filter for this type; null: everything is in scope. */
  public static String scopeExpression(Provider provider, ObjectType type) {
    return type == ObjectType.USER ? provider.userFilter() : provider.groupFilter();
  }

  /** Compiles every mapping and scope filter of the provider: a {@link MappingException} names the first that does not. */
  public static void requireValid(Provider provider) {
    for (ObjectType type : ObjectType.values()) {
      compile(provider, type);
      scope(provider, type);
    }
  }
}
