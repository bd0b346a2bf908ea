package io.scimfleet.store;

import io.scimfleet.model.Provider;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Providers in memory, sorted by name. */
public final class InMemoryProviderStore implements ProviderStore {
  private final ConcurrentSkipListMap<String, Provider> providers = new ConcurrentSkipListMap<>();

  @Override
  public void put(Provider provider) {
    providers.put(provider.name(), provider);
  }

  @Override
  public boolean replace(Provider expected, Provider replacement) {
    return providers.replace(expected.name(), expected, replacement);
  }

  @Override
  public Optional<Provider> get(String name) {
    return Optional.ofNullable(providers.get(name));
  }

  @Override
  public List<Provider> list() {
    return List.copyOf(providers.values());
  }

  @Override
  public boolean delete(String name) {
    return providers.remove(name) != null;
  }
}
