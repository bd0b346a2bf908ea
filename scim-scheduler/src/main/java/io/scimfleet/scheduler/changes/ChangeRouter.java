package io.scimfleet.scheduler.changes;

import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.ScopeFilter;
import io.scimfleet.model.Change;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.store.Stores;
import java.util.ArrayList;
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

  /** The jobs to enqueue for these changes; each returned job has been marked pending. */
  List<SyncObjectRequest> route(List<Change> changes) {
    List<Provider> providers = stores.providers().list().stream().filter(Provider::enabled).toList();
    List<SyncObjectRequest> jobs = new ArrayList<>();
    for (ObjectKey key : distinctObjects(changes)) {
      Optional<MappingInput> input = input(key);
      for (Provider provider : providers) {
        concern(provider, key, input).filter(job -> stores.pendingJobs().mark(provider.name(), key.type(), key.id()))
            .ifPresent(jobs::add);
      }
    }
    return jobs;
  }

  private Optional<SyncObjectRequest> concern(Provider provider, ObjectKey key, Optional<MappingInput> input) {
    Optional<ObjectSyncState> state = stores.syncState().get(provider.name(), key.type(), key.id());
    boolean wasSent = state.map(ObjectSyncState::remoteId).isPresent();
    if (input.isEmpty()) {
      return wasSent ? Optional.of(job(provider, key, state.get().remoteId())) : Optional.empty();
    }
    boolean inScope = scope(provider, key.type()).includes(input.get());
    return inScope || wasSent ? Optional.of(job(provider, key, null)) : Optional.empty();
  }

  private Optional<MappingInput> input(ObjectKey key) {
    return key.type() == ObjectType.USER
        ? stores.directory().user(key.id()).map(MappingInput::user)
        : stores.directory().group(key.id()).map(group -> MappingInput.group(group, List.of()));
  }

  private ScopeFilter scope(Provider provider, ObjectType type) {
    String expression = type == ObjectType.USER ? provider.userFilter() : provider.groupFilter();
    return scopes.computeIfAbsent(Objects.toString(expression, ""), ScopeFilter::compile);
  }

  private static SyncObjectRequest job(Provider provider, ObjectKey key, String remoteIdAtDelete) {
    return new SyncObjectRequest(provider.name(), key.type(), key.id(), remoteIdAtDelete);
  }

  private static Set<ObjectKey> distinctObjects(List<Change> changes) {
    Set<ObjectKey> keys = new LinkedHashSet<>();
    changes.forEach(change -> keys.add(new ObjectKey(change.objectType(), change.id())));
    return keys;
  }

  private record ObjectKey(ObjectType type, String id) {}
}
