package io.scimfleet.store;

import io.scimfleet.model.Quarantine;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Which providers are quarantined, for every worker to see; see {@link Quarantine}. */
public interface QuarantineStore {

  /** The provider's quarantine, also once its pause is over, until it is released. */
  Optional<Quarantine> get(String provider);

  /** Quarantines the provider, one level deeper than it is now, atomically across workers. */
  Quarantine enter(String provider, String reason, Instant now);

  /**
   * Quarantines the provider one level deeper than {@code seen} (null: not quarantined), unless its
   * quarantine is no longer the one seen (another worker changed it first): then nothing changes. A
   * compare-and-set, atomic across workers. Returns the provider's quarantine after it (empty when
   * another worker lifted it).
   */
  Optional<Quarantine> deepen(
      String provider, @Nullable Quarantine seen, String reason, Instant now);

  /**
   * Lifts the quarantine (a request succeeded, or an operator said so); false when there was none.
   */
  boolean release(String provider);
}
