package io.scimfleet.mapping;

import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.store.DirectoryStore;
import org.jspecify.annotations.Nullable;

/**
 * A provider's mappings and scope as every part of the fleet reads them: the built-in mappings
 * overlaid by name with the provider's own, and its JSONata scope filter per object type, each
 * evaluated within the process's {@link MappingLimits}.
 */
public final class ProviderMappings {
  private ProviderMappings() {}

  public static Mappings compile(Provider provider, ObjectType type, MappingLimits limits) {
    return type == ObjectType.USER
        ? Mappings.compile(
            DefaultMappings.overlay(DefaultMappings.users(), provider.userMappings()), limits)
        : Mappings.compile(
            DefaultMappings.overlay(DefaultMappings.groups(), provider.groupMappings()), limits);
  }

  public static ScopeFilter scope(Provider provider, ObjectType type, MappingLimits limits) {
    return ScopeFilter.compile(scopeExpression(provider, type), limits);
  }

  /**
   * The provider's whole scope for this type: its filter AND, with {@code scopeGroups}, membership
   * of them, read from {@code directory}.
   */
  public static ObjectScope scope(
      Provider provider, ObjectType type, DirectoryStore directory, MappingLimits limits) {
    ScopeGroups groups =
        provider.scopeGroups().isEmpty()
            ? null
            : new ScopeGroups(directory, provider.scopeGroups());
    return new ObjectScope(type, scope(provider, type, limits), groups);
  }

  /** The provider's scope filter for this type; null: everything is in scope. */
  public static @Nullable String scopeExpression(Provider provider, ObjectType type) {
    return type == ObjectType.USER ? provider.userFilter() : provider.groupFilter();
  }

  /**
   * Compiles every mapping and scope filter of the provider: a {@link MappingException} names the
   * first that does not. Whether an expression compiles does not depend on the limits.
   */
  public static void requireValid(Provider provider) {
    for (ObjectType type : ObjectType.values()) {
      compile(provider, type, MappingLimits.defaults());
      scope(provider, type, MappingLimits.defaults());
    }
  }
}
