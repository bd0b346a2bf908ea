package io.scimfleet.store;

import io.scimfleet.model.Quarantine;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Quarantines of this process. */
public final class InMemoryQuarantineStore implements QuarantineStore {
  private final Map<String, Quarantine> quarantines = new ConcurrentHashMap<>();

  @Override
  public Optional<Quarantine> get(String provider) {
    return Optional.ofNullable(quarantines.get(provider));
  }

  @Override
  public Quarantine enter(String provider, String reason, Instant now) {
    return quarantines.compute(
        provider, (name, previous) -> Quarantine.after(previous, name, reason, now));
  }

  @Override
  public Optional<Quarantine> deepen(
      String provider, @Nullable Quarantine seen, String reason, Instant now) {
    return Optional.ofNullable(
        quarantines.compute(
            provider,
            (name, current) ->
                Quarantine.same(current, seen)
                    ? Quarantine.after(current, name, reason, now)
                    : current));
  }

  @Override
  public boolean release(String provider) {
    return quarantines.remove(provider) != null;
  }
}
