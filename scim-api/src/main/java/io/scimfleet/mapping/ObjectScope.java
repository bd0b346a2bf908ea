package io.scimfleet.mapping;

import io.scimfleet.model.ObjectType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Whether a provider receives an object of one type: its JSONata filter and, when the provider has
 * {@code scopeGroups}, membership of them (a user: a member of a scoped group at any depth; a
 * group: a scoped group or one nested in it), as an AND. The one owner of the scope decision: the
 * change router ({@link #idsInScope(List, Map)}), the worker ({@link #includes}), the clean-up and
 * drift check ({@link #idsInScope(List)}) and the preview ({@link #verdict}) all ask it.
 * Thread-safe.
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
   * Why an object is in scope or not, as {@link #includes} decides it: the filter's word and, with
   * scope groups, the scoped group it is reached through (empty: none, or no scope by group).
   */
  public record Verdict(boolean byFilter, Optional<ScopeGroups.Reason> byGroup, boolean inScope) {}

  /**
   * True when the object passes the filter and, with scope groups, is in one of them (read only
   * when the filter passes).
   *
   * @throws MappingException when the filter fails to evaluate
   */
  public boolean includes(MappingInput input) {
    return filter.includes(input) && byGroups(byGroup(id(input)));
  }

  /**
   * The decision of {@link #includes} with its reasons (the preview's): the filter and the scope
   * groups both asked.
   *
   * @throws MappingException when the filter fails to evaluate
   */
  public Verdict verdict(MappingInput input) {
    boolean byFilter = filter.includes(input);
    Optional<ScopeGroups.Reason> byGroup = byGroup(id(input));
    return new Verdict(byFilter, byGroup, byFilter && byGroups(byGroup));
  }

  /**
   * The ids of the objects in scope among many, as {@link #includes} decides one by one, but with
   * the scope groups resolved once and the users' groups read in one round trip (the clean-up's
   * path).
   */
  public Set<String> idsInScope(List<MappingInput> inputs) {
    return idsInScope(inputs, ScopeGroups::groupsOf);
  }

  /**
   * As {@link #idsInScope(List)}, with the users' direct groups already read (the change router
   * reads them once for every provider of a batch).
   *
   * @param usersGroups each user's direct groups; a user missing has none
   */
  public Set<String> idsInScope(List<MappingInput> inputs, Map<String, Set<String>> usersGroups) {
    return idsInScope(inputs, (scoped, ids) -> usersGroups);
  }

  private Set<String> idsInScope(
      List<MappingInput> inputs,
      BiFunction<ScopeGroups, Set<String>, Map<String, Set<String>>> usersGroups) {
    List<MappingInput> byFilter = inputs.stream().filter(filter::includes).toList();
    Set<String> ids = new LinkedHashSet<>();
    byFilter.forEach(input -> ids.add(id(input)));
    ScopeGroups scoped = groups;
    if (scoped == null || ids.isEmpty()) return ids;
    Map<String, String> inScope = scoped.groups();
    if (type == ObjectType.GROUP) {
      ids.retainAll(inScope.keySet());
      return ids;
    }
    Map<String, Set<String>> direct = usersGroups.apply(scoped, ids);
    ids.removeIf(id -> direct.getOrDefault(id, Set.of()).stream().noneMatch(inScope::containsKey));
    return ids;
  }

  /**
   * True when every object of the type is in scope (no filter, no scope groups): {@link
   * #idsInScope(List)} then keeps every id it is given, and a caller need not read the objects.
   */
  public boolean everything() {
    return filter.everything() && groups == null;
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

  /** True when the scope groups let the object in: it is reached through one, or there are none. */
  private boolean byGroups(Optional<ScopeGroups.Reason> byGroup) {
    return groups == null || byGroup.isPresent();
  }

  private static String id(MappingInput input) {
    return String.valueOf(input.json().get("id"));
  }
}
