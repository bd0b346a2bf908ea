package io.scimfleet.scheduler.config;

import io.scimfleet.config.SecuritySettings;
import io.scimfleet.model.Provider;
import io.scimfleet.scheduler.sync.FullSyncScheduling;
import io.scimfleet.secret.SecretBox;
import io.scimfleet.secret.SecretException;
import io.scimfleet.store.Stores;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where provider settings are written, whether they come from the API or the YAML file: validated
 * by {@link ProviderConversion}, stored, and their full-sync schedule applied; deleted together
 * with their sync state, history and schedule.
 */
public final class ProviderRegistry {
  private static final Logger log = LoggerFactory.getLogger(ProviderRegistry.class);
  private final Stores stores;
  private final FullSyncScheduling fullSyncs;
  private final SecuritySettings security;

  public ProviderRegistry(Stores stores, FullSyncScheduling fullSyncs, SecuritySettings security) {
    this.stores = stores;
    this.fullSyncs = fullSyncs;
    this.security = security;
  }

  /** The rules every provider is checked against. */
  public SecuritySettings security() {
    return security;
  }

  /** What a put did. */
  public enum Change {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /** Validates and stores; nothing is stored when a check fails. */
  public Provider put(String name, ProviderRequest request) {
    Provider provider = ProviderConversion.toProvider(name, request, security);
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

  /**
   * Seals again, with the current key, every inline token stored in clear (saved before encryption
   * existed) or with a previous key: the last step of a key rotation. Returns how many were sealed.
   */
  public int resealInlineTokens() {
    Optional<SecretBox> box = security.secrets().box();
    int sealed = 0;
    for (Provider provider : list()) {
      String token = provider.credential().token();
      if (token == null || (box.isPresent() && box.get().isCurrent(token))) continue;
      if (box.isEmpty()) {
        log.warn(
            "provider {} has an inline token stored without encryption: set SCIM_SECRET_KEY",
            provider.name());
        continue;
      }
      try {
        String clear = provider.credential().resolve(security.secrets());
        stores
            .providers()
            .put(provider.withCredential(provider.credential().withInline(box.get().seal(clear))));
        sealed++;
      } catch (SecretException e) {
        log.warn(
            "provider {}: its inline token cannot be sealed again: {}",
            provider.name(),
            e.getMessage());
      }
    }
    return sealed;
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
    stores.history().deleteProvider(name);
    return true;
  }
}
