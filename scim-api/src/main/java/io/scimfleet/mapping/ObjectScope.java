package io.scimfleet.mapping;

import io.scimfleet.model.ObjectType;
import java.util.Optional;

/**
 * Whether a provider receives an object of one type: its JSONata filter and, when the provider has
 * {@code scopeGroups}, membership of them (a user: a member of a scoped group at any depth; a
 * group: a scoped group or one nested in it), as an AND. Thread-safe.
 */
public final class ObjectScope {
  private final ObjectType type;
  private final ScopeFilter filter;
  private final ScopeGroups groups;

  /** @param groups null: no scope by group */
  public ObjectScope(ObjectType type, ScopeFilter filter, ScopeGroups groups) {
    this.type = type;
    this.filter = filter;
    this.groups = groups;
  }

  /** @throws MappingException when the filter fails to evaluate */
  public boolean includes(MappingInput input) {
    return filter.includes(input) && (groups == null || byGroup(id(input)).isPresent());
  }

  public boolean includesByFilter(MappingInput input) {
    return filter.includes(input);
  }

  /** Null when the provider has no scope by group. */
  public ScopeGroups groups() {
    return groups;
  }

  /** Through which scoped group the object is in scope; empty when it is not (or there is no scope by group). */
  public Optional<ScopeGroups.Reason> byGroup(String id) {
    if (groups == null) return Optional.empty();
    return type == ObjectType.USER ? groups.user(id) : groups.group(id);
  }

  private static String id(MappingInput input) {
    return String.valueOf(input.json().get("id"));
  }
}
