package io.scimfleet.scheduler.config;

import io.scimfleet.config.SecuritySettings;
import io.scimfleet.model.Credential;
import io.scimfleet.model.Provider;
import io.scimfleet.scheduler.sync.FullSyncScheduling;
import io.scimfleet.secret.CredentialSecrets;
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
   * Seals again, with the current key and bound to its provider and field, every inline token
   * stored in clear (saved before encryption existed), in the first sealed format or with a
   * previous key: the last step of an upgrade or a key rotation. Each write is a compare-and-set,
   * so a provider saved meanwhile (by the API, or another scheduler) is never overwritten with its
   * old settings. Returns how many were sealed.
   */
  public int resealInlineTokens() {
    if (security.secrets().box().isEmpty()) {
      list().stream()
          .filter(provider -> provider.credential().token() != null)
          .forEach(
              provider ->
                  log.warn(
                      "provider {} has an inline token that no key opens: set SCIM_SECRET_KEY",
                      provider.name()));
      return 0;
    }
    int sealed = 0;
    for (Provider provider : list()) if (reseal(provider)) sealed++;
    return sealed;
  }

  private boolean reseal(Provider provider) {
    try {
      Optional<Credential> resealed =
          CredentialSecrets.resealed(provider.credential(), security.secrets(), provider.name());
      if (resealed.isEmpty()) return false;
      if (stores.providers().replace(provider, provider.withCredential(resealed.get())))
        return true;
      log.info(
          "provider {} changed while its token was sealed again: left as saved", provider.name());
    } catch (SecretException e) {
      log.warn(
          "provider {}: its inline token cannot be sealed again: {}",
          provider.name(),
          e.getMessage());
    }
    return false;
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
