package io.scimfleet.mapping;

import io.scimfleet.model.ObjectType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether a provider receives an object of one type: its JSONata filter and, when the provider has
 * {@code scopeGroups}, membership of them (a user: a member of a scoped group at any depth; a
 * group: a scoped group or one nested in it), as an AND. Thread-safe.
 */
public final class ObjectScope {
  private final ObjectType type;
  private final ScopeFilter filter;
  private final @Nullable ScopeGroups groups;

  /**
   * @param groups null: no scope by group
   */
  public ObjectScope(ObjectType type, ScopeFilter filter, @Nullable ScopeGroups groups) {
    this.type = type;
    this.filter = filter;
    this.groups = groups;
  }

  /**
   * True when the object passes the filter and, with scope groups, is in one of them.
   *
   * @throws MappingException when the filter fails to evaluate
   */
  public boolean includes(MappingInput input) {
    return filter.includes(input) && (groups == null || byGroup(id(input)).isPresent());
  }

  /**
   * The ids of the objects in scope among many, as {@link #includes} decides one by one, but with
   * the scope groups resolved once and the users' groups read in one round trip (the clean-up's
   * path).
   */
  public Set<String> idsInScope(List<MappingInput> inputs) {
    List<MappingInput> byFilter = inputs.stream().filter(filter::includes).toList();
    Set<String> ids = new LinkedHashSet<>();
    byFilter.forEach(input -> ids.add(id(input)));
    if (groups == null) return ids;
    Map<String, String> inScope = groups.groups();
    if (type == ObjectType.GROUP) {
      ids.retainAll(inScope.keySet());
      return ids;
    }
    Map<String, Set<String>> direct = groups.groupsOf(ids);
    ids.removeIf(id -> direct.getOrDefault(id, Set.of()).stream().noneMatch(inScope::containsKey));
    return ids;
  }

  public boolean includesByFilter(MappingInput input) {
    return filter.includes(input);
  }

  /** Null when the provider has no scope by group. */
  public @Nullable ScopeGroups groups() {
    return groups;
  }

  /**
   * Through which scoped group the object is in scope; empty when it is not (or there is no scope
   * by group).
   */
  public Optional<ScopeGroups.Reason> byGroup(String id) {
    if (groups == null) return Optional.empty();
    return type == ObjectType.USER ? groups.user(id) : groups.group(id);
  }

  private static String id(MappingInput input) {
    return String.valueOf(input.json().get("id"));
  }
}
