package io.scimfleet.store;

import io.scimfleet.model.Provider;
import java.util.List;
import java.util.Optional;

/** Provider settings, by name. */
public interface ProviderStore {
  void put(Provider provider);

  Optional<Provider> get(String name);

  /** All providers, ordered by name. */
  List<Provider> list();

  boolean delete(String name);
}
