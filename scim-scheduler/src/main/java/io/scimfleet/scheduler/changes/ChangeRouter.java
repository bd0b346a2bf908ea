package io.scimfleet.scheduler.changes;

import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.ProviderMappings;
import io.scimfleet.mapping.ScopeFilter;
import io.scimfleet.model.Change;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.store.Stores;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which providers a change concerns and makes their jobs: one per (provider, object) that is
 * not already pending. A provider is concerned when the object is in its scope, or when the fleet
 * put it on that target before (so that leaving the directory or the scope removes it there). A
 * delete carries the remote id as it was at the moment of the delete.
 */
final class ChangeRouter {
  private final Stores stores;
  private final Map<String, ScopeFilter> scopes = new ConcurrentHashMap<>();

  ChangeRouter(Stores stores) {
    this.stores = stores;
  }

  /**
   * The jobs to enqueue for these changes; each returned job has been marked pending. Objects and
   * sync states are read in one batch per type (and per provider), not one round trip per change.
   * Changes delivered again (their first reader died or lost Redis between marking and enqueueing)
   * get their jobs even when marked: the mark may belong to a job that was never enqueued, and a job
   * twice costs nothing (it reads the latest state and sends nothing unchanged).
   */
  List<SyncObjectRequest> route(List<Change> changes, boolean deliveredAgain) {
    List<Provider> providers = stores.providers().list().stream().filter(Provider::enabled).toList();
    Map<ObjectType, List<String>> ids = idsByType(changes);
    Map<ObjectType, Map<String, MappingInput>> inputs = inputs(ids);
    List<SyncObjectRequest> jobs = new ArrayList<>();
    for (Provider provider : providers) {
      ids.forEach((type, typeIds) -> {
        Map<String, ObjectSyncState> states = stores.syncState().getAll(provider.name(), type, typeIds);
        for (String id : typeIds) {
          concern(provider, type, id, inputs.get(type).get(id), states.get(id))
              .filter(job -> stores.pendingJobs().mark(provider.name(), type, id) || deliveredAgain)
              .ifPresent(jobs::add);
        }
      });
    }
    return jobs;
  }

  private Optional<SyncObjectRequest> concern(Provider provider, ObjectType type, String id, MappingInput input,
      ObjectSyncState state) {
    boolean wasSent = state != null && state.remoteId() != null;
    if (input == null) {
      return wasSent ? Optional.of(job(provider, type, id, state.remoteId())) : Optional.empty();
    }
    boolean inScope = scope(provider, type).includes(input);
    return inScope || wasSent ? Optional.of(job(provider, type, id, null)) : Optional.empty();
  }

  /** The objects that still exist, as mapping input (groups without members: scope never looks at them). */
  private Map<ObjectType, Map<String, MappingInput>> inputs(Map<ObjectType, List<String>> ids) {
    Map<ObjectType, Map<String, MappingInput>> inputs = new EnumMap<>(ObjectType.class);
    Map<String, MappingInput> users = new HashMap<>();
    stores.directory().users(ids.get(ObjectType.USER)).forEach(u -> users.put(u.id(), MappingInput.user(u)));
    Map<String, MappingInput> groups = new HashMap<>();
    stores.directory().groups(ids.get(ObjectType.GROUP))
        .forEach(g -> groups.put(g.id(), MappingInput.group(g, List.of())));
    inputs.put(ObjectType.USER, users);
    inputs.put(ObjectType.GROUP, groups);
    return inputs;
  }

  private ScopeFilter scope(Provider provider, ObjectType type) {
    String expression = ProviderMappings.scopeExpression(provider, type);
    return scopes.computeIfAbsent(Objects.toString(expression, ""), ScopeFilter::compile);
  }

  private static SyncObjectRequest job(Provider provider, ObjectType type, String id, String remoteIdAtDelete) {
    return new SyncObjectRequest(provider.name(), type, id, remoteIdAtDelete);
  }

  /** Each changed object once, by type, in the order of the changes. */
  private static Map<ObjectType, List<String>> idsByType(List<Change> changes) {
    Map<ObjectType, Set<String>> ids = new EnumMap<>(ObjectType.class);
    for (ObjectType type : ObjectType.values()) ids.put(type, new LinkedHashSet<>());
    changes.forEach(change -> ids.get(change.objectType()).add(change.id()));
    Map<ObjectType, List<String>> lists = new EnumMap<>(ObjectType.class);
    ids.forEach((type, set) -> lists.put(type, List.copyOf(set)));
    return lists;
  }
}
