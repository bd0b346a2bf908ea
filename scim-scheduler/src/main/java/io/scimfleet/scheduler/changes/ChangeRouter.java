package io.scimfleet.scheduler.changes;

import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.MappingLimits;
import io.scimfleet.mapping.ObjectScope;
import io.scimfleet.mapping.ProviderMappings;
import io.scimfleet.mapping.ScopeFilter;
import io.scimfleet.mapping.ScopeGroups;
import io.scimfleet.model.Change;
import io.scimfleet.model.NestedGroups;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.store.Stores;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides which providers a change concerns and makes their jobs: one per (provider, object) that
 * is not already pending. A provider is concerned when the object is in its scope, or when the
 * fleet put it on that target before (so that leaving the directory or the scope removes it there).
 * A delete carries the remote id as it was at the moment of the delete.
 *
 * <p>Nested groups widen a membership or nesting change: a provider that flattens nested groups
 * also gets every group the changed group is nested in; a provider scoped by groups also gets the
 * users that joined or left (with a whole subtree, when a group was nested or un-nested) and the
 * groups nested or un-nested, so that each enters or leaves its scope within the normal change
 * latency.
 *
 * <p>A password change is routed like a change of its user; the providers with {@code
 * syncPasswords} that get the user's job are the ones that want the password, and the password
 * store is told so (it deletes a password nobody wants at once).
 */
final class ChangeRouter {
  private final Stores stores;

  /** Scopes and scope groups of at most this many distinct settings are kept (least recent go). */
  static final int CACHED_SETTINGS = 256;

  private final BoundedCache<String, ScopeFilter> scopes = new BoundedCache<>(CACHED_SETTINGS);
  private final BoundedCache<List<String>, ScopeGroups> scopeGroups =
      new BoundedCache<>(CACHED_SETTINGS);

  private final MappingLimits limits;

  ChangeRouter(Stores stores) {
    this(stores, MappingLimits.defaults());
  }

  /**
   * @param limits the bounds of every scope filter's evaluation
   */
  ChangeRouter(Stores stores, MappingLimits limits) {
    this.stores = stores;
    this.limits = limits;
  }

  /**
   * The jobs to enqueue for these changes; each returned job has been marked pending. Objects and
   * sync states are read in one batch per type (and per provider), not one round trip per change.
   *
   * <p>A job is marked before it is enqueued, and the changes are acknowledged only after both. A
   * consumer that died in between leaves a mark without a job; its changes are then delivered again
   * ({@code redelivered}), and for those a job is made also when the object is already marked: the
   * mark may be this very change's, whose job never came. At worst that is one job too many, which
   * reads the latest state and costs no request when nothing changed.
   */
  List<SyncObjectRequest> route(List<Change> changes, boolean redelivered) {
    List<Provider> providers =
        stores.providers().list().stream().filter(Provider::enabled).toList();
    Map<ObjectType, List<String>> changed = idsByType(changes);
    NestedEffects effects = new NestedEffects(stores.directory(), changes);
    Map<String, Map<ObjectType, List<String>>> idsByProvider = new HashMap<>();
    providers.forEach(
        provider -> idsByProvider.put(provider.name(), ids(provider, changed, effects)));
    Map<ObjectType, List<String>> all = union(idsByProvider.values());
    Map<ObjectType, Map<String, MappingInput>> inputs = inputs(all);
    Map<String, Set<String>> userGroups =
        providers.stream().anyMatch(p -> !p.scopeGroups().isEmpty())
            ? stores.directory().groupsOf(inputsOf(inputs, ObjectType.USER).keySet())
            : Map.of();
    Map<String, Set<String>> passwordWanted = passwordUsers(changes);
    List<SyncObjectRequest> jobs = new ArrayList<>();
    for (Provider provider : providers) {
      Objects.requireNonNull(idsByProvider.get(provider.name()), "ids are put for every provider")
          .forEach(
              (type, typeIds) -> {
                Map<String, ObjectSyncState> states =
                    stores.syncState().getAll(provider.name(), type, typeIds);
                Map<String, MappingInput> typeInputs = inputsOf(inputs, type);
                Set<String> inScope = inScope(provider, type, typeIds, typeInputs, userGroups);
                List<SyncObjectRequest> concerned = new ArrayList<>();
                for (String id : typeIds) {
                  MappingInput input = typeInputs.get(id);
                  Optional<SyncObjectRequest> job =
                      concern(provider, type, id, input, states.get(id), inScope.contains(id));
                  if (job.isPresent()
                      && input != null
                      && type == ObjectType.USER
                      && provider.syncPasswords()
                      && passwordWanted.containsKey(id)) {
                    passwordWanted.get(id).add(provider.name());
                  }
                  job.ifPresent(concerned::add);
                }
                jobs.addAll(markPending(provider.name(), type, concerned, redelivered));
              });
    }
    passwordWanted.forEach(stores.passwords()::expect);
    return jobs;
  }

  /**
   * The users with a password change among these changes, each with an empty set for the providers
   * that want it.
   */
  private static Map<String, Set<String>> passwordUsers(List<Change> changes) {
    Map<String, Set<String>> users = new HashMap<>();
    changes.stream()
        .filter(change -> change.kind() == Change.Kind.PASSWORD)
        .forEach(change -> users.put(change.id(), new LinkedHashSet<>()));
    return users;
  }

  /**
   * The objects this provider must look at: the changed ones, widened by nesting (see the class
   * comment).
   */
  private static Map<ObjectType, List<String>> ids(
      Provider provider, Map<ObjectType, List<String>> changed, NestedEffects effects) {
    Set<String> users = new LinkedHashSet<>(changed.get(ObjectType.USER));
    Set<String> groups = new LinkedHashSet<>(changed.get(ObjectType.GROUP));
    if (provider.nestedGroups() == NestedGroups.FLATTEN) groups.addAll(effects.enclosingGroups());
    if (!provider.scopeGroups().isEmpty()) {
      users.addAll(effects.scopeUsers());
      groups.addAll(effects.scopeGroups());
    }
    Map<ObjectType, List<String>> ids = new EnumMap<>(ObjectType.class);
    ids.put(ObjectType.USER, List.copyOf(users));
    ids.put(ObjectType.GROUP, List.copyOf(groups));
    return ids;
  }

  private static Map<ObjectType, List<String>> union(
      Collection<Map<ObjectType, List<String>>> perProvider) {
    Map<ObjectType, Set<String>> sets = new EnumMap<>(ObjectType.class);
    for (ObjectType type : ObjectType.values()) sets.put(type, new LinkedHashSet<>());
    perProvider.forEach(
        ids ->
            ids.forEach(
                (type, list) ->
                    Objects.requireNonNull(sets.get(type), "a set per type").addAll(list)));
    Map<ObjectType, List<String>> lists = new EnumMap<>(ObjectType.class);
    sets.forEach((type, set) -> lists.put(type, List.copyOf(set)));
    return lists;
  }

  /**
   * The ids among these that are in the provider's scope, as {@link ObjectScope} decides for the
   * worker too: the filter and scope groups kept for their settings, the users' groups given (read
   * once for the batch).
   */
  private Set<String> inScope(
      Provider provider,
      ObjectType type,
      List<String> ids,
      Map<String, MappingInput> inputs,
      Map<String, Set<String>> userGroups) {
    List<MappingInput> present = ids.stream().map(inputs::get).filter(Objects::nonNull).toList();
    ScopeGroups groups =
        provider.scopeGroups().isEmpty()
            ? null
            : scopeGroups.get(
                provider.scopeGroups(), roots -> new ScopeGroups(stores.directory(), roots));
    return new ObjectScope(type, scope(provider, type), groups).idsInScope(present, userGroups);
  }

  /**
   * The jobs that must be enqueued: newly marked (one round trip), or delivered again (see {@link
   * #route}).
   */
  private List<SyncObjectRequest> markPending(
      String provider, ObjectType type, List<SyncObjectRequest> concerned, boolean redelivered) {
    if (concerned.isEmpty()) return List.of();
    Set<String> marked =
        stores
            .pendingJobs()
            .markAll(provider, type, concerned.stream().map(SyncObjectRequest::objectId).toList());
    return concerned.stream()
        .filter(job -> redelivered || marked.contains(job.objectId()))
        .toList();
  }

  private Optional<SyncObjectRequest> concern(
      Provider provider,
      ObjectType type,
      String id,
      @Nullable MappingInput input,
      @Nullable ObjectSyncState state,
      boolean inScope) {
    String remoteId = state == null ? null : state.remoteId();
    if (input == null) {
      return remoteId != null ? Optional.of(job(provider, type, id, remoteId)) : Optional.empty();
    }
    return inScope || remoteId != null
        ? Optional.of(job(provider, type, id, null))
        : Optional.empty();
  }

  /**
   * The objects that still exist, as mapping input (groups without members: scope never looks at
   * them).
   */
  private Map<ObjectType, Map<String, MappingInput>> inputs(Map<ObjectType, List<String>> ids) {
    Map<ObjectType, Map<String, MappingInput>> inputs = new EnumMap<>(ObjectType.class);
    Map<String, MappingInput> users = new HashMap<>();
    stores
        .directory()
        .users(Objects.requireNonNull(ids.get(ObjectType.USER), "union() lists every type"))
        .forEach(u -> users.put(u.id(), MappingInput.user(u)));
    Map<String, MappingInput> groups = new HashMap<>();
    stores
        .directory()
        .groups(Objects.requireNonNull(ids.get(ObjectType.GROUP), "union() lists every type"))
        .forEach(g -> groups.put(g.id(), MappingInput.group(g, List.of())));
    inputs.put(ObjectType.USER, users);
    inputs.put(ObjectType.GROUP, groups);
    return inputs;
  }

  /** The inputs of one type: {@link #inputs} puts a map for every type. */
  private static Map<String, MappingInput> inputsOf(
      Map<ObjectType, Map<String, MappingInput>> inputs, ObjectType type) {
    return Objects.requireNonNull(inputs.get(type), "inputs are read for every type");
  }

  private ScopeFilter scope(Provider provider, ObjectType type) {
    String expression = ProviderMappings.scopeExpression(provider, type);
    return scopes.get(
        Objects.toString(expression, ""), source -> ScopeFilter.compile(source, limits));
  }

  private static SyncObjectRequest job(
      Provider provider, ObjectType type, String id, @Nullable String remoteIdAtDelete) {
    return new SyncObjectRequest(provider.name(), type, id, remoteIdAtDelete);
  }

  /** Each changed object once, by type, in the order of the changes. */
  private static Map<ObjectType, List<String>> idsByType(List<Change> changes) {
    Map<ObjectType, Set<String>> ids = new EnumMap<>(ObjectType.class);
    for (ObjectType type : ObjectType.values()) ids.put(type, new LinkedHashSet<>());
    changes.forEach(
        change ->
            Objects.requireNonNull(ids.get(change.objectType()), "a set per type")
                .add(change.id()));
    Map<ObjectType, List<String>> lists = new EnumMap<>(ObjectType.class);
    ids.forEach((type, set) -> lists.put(type, List.copyOf(set)));
    return lists;
  }
}
