package io.scimfleet.store;

import io.scimfleet.model.Provider;
import java.util.List;
import java.util.Optional;

/** Provider settings, by name. */
public interface ProviderStore {
  void put(Provider provider);

  /**
   * Compare-and-set: stores {@code replacement} only when the provider of that name is still
   * exactly {@code expected}; false (and nothing written) when it changed or was deleted since it
   * was read. For writes that must not undo a concurrent one, such as sealing a token again.
   */
  boolean replace(Provider expected, Provider replacement);

  Optional<Provider> get(String name);

  /** All providers, ordered by name. */
  List<Provider> list();

  boolean delete(String name);
}
