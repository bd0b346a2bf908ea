package io.scimfleet.scheduler.config;

import io.scimfleet.model.Provider;
import io.scimfleet.scheduler.sync.FullSyncScheduling;
import io.scimfleet.store.Stores;
import java.util.List;
import java.util.Optional;

/**
 * Where provider settings are written, whether they come from the API or the YAML file: validated
 * by {@link ProviderConversion}, stored, and their full-sync schedule applied; deleted together
 * with their sync state and schedule.
 */
public final class ProviderRegistry {
  private final Stores stores;
  private final FullSyncScheduling fullSyncs;

  public ProviderRegistry(Stores stores, FullSyncScheduling fullSyncs) {
    this.stores = stores;
    this.fullSyncs = fullSyncs;
  }

  /** What a put did. */
  public enum Change { CREATED, UPDATED, UNCHANGED }

  /** Validates and stores; nothing is stored when a check fails. */
  public Provider put(String name, ProviderRequest request) {
    Provider provider = ProviderConversion.toProvider(name, request);
    put(provider);
    return provider;
  }

  /** Stores a valid provider and applies its schedule, unless it is stored exactly so already. */
  public Change put(Provider provider) {
    Optional<Provider> stored = stores.providers().get(provider.name());
    if (stored.isPresent() && stored.get().equals(provider)) return Change.UNCHANGED;
    stores.providers().put(provider);
    fullSyncs.apply(provider);
    return stored.isPresent() ? Change.UPDATED : Change.CREATED;
  }

  public Optional<Provider> get(String name) {
    return stores.providers().get(name);
  }

  public List<Provider> list() {
    return stores.providers().list();
  }

  /** Removes the provider, its schedule and its sync state; false when it did not exist. */
  public boolean delete(String name) {
    if (!stores.providers().delete(name)) return false;
    fullSyncs.remove(name);
    stores.syncState().deleteProvider(name);
    stores.deletions().deleteProvider(name);
    return true;
  }
}
