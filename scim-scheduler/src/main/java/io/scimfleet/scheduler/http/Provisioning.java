package io.scimfleet.scheduler.http;

import io.scimfleet.model.HeldDeletion;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.model.Quarantine;
import io.scimfleet.model.Receipt;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.model.UserReceipts;
import io.scimfleet.store.Stores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Builds a user's {@link ProvisioningView}: the receipts the workers kept, completed by the live
 * sync states (a user synced before receipts existed), and the reason a removal has not happened
 * yet: the provider disabled, quarantined, the deletion guard holding it, or its last error.
 */
final class Provisioning {
  /** Held removals looked through per provider for the user's. */
  static final int HELD_SCANNED = 10_000;

  private final Stores stores;

  Provisioning(Stores stores) {
    this.stores = stores;
  }

  /** Empty when the directory does not hold the user and no receipt of it is kept. */
  Optional<ProvisioningView> of(String userId) {
    boolean inDirectory = stores.directory().user(userId).isPresent();
    Optional<UserReceipts> kept = stores.receipts().of(userId);
    if (!inDirectory && kept.isEmpty()) return Optional.empty();
    return Optional.of(view(userId, inDirectory, kept.orElse(null), providers()));
  }

  /** The view of receipts read in a listing (the export). */
  ProvisioningView of(UserReceipts kept, Map<String, Provider> providers) {
    boolean inDirectory = stores.directory().user(kept.userId()).isPresent();
    return view(kept.userId(), inDirectory, kept, providers);
  }

  Map<String, Provider> providers() {
    return stores.providers().list().stream()
        .collect(Collectors.toMap(Provider::name, Function.identity()));
  }

  private ProvisioningView view(
      String userId,
      boolean inDirectory,
      @Nullable UserReceipts kept,
      Map<String, Provider> providers) {
    Map<String, Receipt> receipts = new TreeMap<>();
    if (kept != null) kept.receipts().forEach(r -> receipts.put(r.provider(), r));
    providers.keySet().forEach(name -> receipts.computeIfAbsent(name, n -> fromState(userId, n)));
    List<ProvisioningView.Target> targets = new ArrayList<>();
    receipts.values().stream()
        .filter(r -> r.remoteId() != null || providers.containsKey(r.provider()))
        .forEach(r -> targets.add(target(userId, inDirectory, r, providers.get(r.provider()))));
    Instant deletedAt = kept == null || inDirectory ? null : kept.deletedAt();
    return new ProvisioningView(userId, inDirectory, deletedAt, targets);
  }

  /** A receipt made from the sync state alone (no attempt since receipts were kept). */
  private Receipt fromState(String userId, String provider) {
    Optional<ObjectSyncState> state = stores.syncState().get(provider, ObjectType.USER, userId);
    if (state.isEmpty()) return new Receipt(provider, null, null, null, null, null, null);
    ObjectSyncState s = state.get();
    boolean failed = s.outcome() == SyncOutcome.FAILED;
    String action = failed || s.outcome() == null ? null : s.outcome().label();
    Instant removed = s.outcome() != null && Receipt.removes(s.outcome()) ? s.time() : null;
    return new Receipt(
        provider, s.remoteId(), action, failed ? null : s.time(), removed, s.time(), s.lastError());
  }

  private ProvisioningView.Target target(
      String userId, boolean inDirectory, Receipt r, @Nullable Provider provider) {
    if (provider == null) return ProvisioningView.Target.of("provider deleted", null, r);
    if (r.removedAt() != null && (!inDirectory || "deactivated".equals(r.lastAction())))
      return ProvisioningView.Target.of(
          Objects.requireNonNull(r.lastAction(), "a receipt with removedAt names its removal"),
          null,
          r);
    String blocked = blocked(userId, inDirectory, r, provider);
    if (blocked != null) return ProvisioningView.Target.of(blocked, reason(userId, r, provider), r);
    if (r.remoteId() == null) return notThere(inDirectory, r);
    return ProvisioningView.Target.of(
        inDirectory ? "provisioned" : "pending",
        inDirectory ? null : "the removal is queued or running",
        r);
  }

  private static ProvisioningView.Target notThere(boolean inDirectory, Receipt r) {
    return ProvisioningView.Target.of(
        "not provisioned",
        inDirectory ? "out of the provider's scope, or its first sync has not run yet" : null,
        r);
  }

  /** Why the user is stuck on this provider, as a state; null when it is not. */
  private @Nullable String blocked(
      String userId, boolean inDirectory, Receipt r, Provider provider) {
    if (!provider.enabled()) return "disabled";
    if (quarantine(provider).isPresent()) return "quarantined";
    if (!inDirectory && held(provider, userId).isPresent()) return "held";
    if (r.lastError() != null) return "failing";
    return null;
  }

  private String reason(String userId, Receipt r, Provider provider) {
    if (!provider.enabled()) return "provider '" + provider.name() + "' is disabled";
    Optional<Quarantine> q = quarantine(provider);
    if (q.isPresent())
      return "provider quarantined until " + q.get().until() + ": " + q.get().reason();
    Optional<HeldDeletion> held = held(provider, userId);
    if (held.isPresent() && r.removedAt() == null) {
      return "held by the deletion guard since "
          + held.get().heldAt()
          + ": release it with POST /api/v1/providers/"
          + provider.name()
          + "/deletions/release";
    }
    return "last attempt failed: " + r.lastError();
  }

  private Optional<Quarantine> quarantine(Provider provider) {
    return stores.quarantines().get(provider.name());
  }

  private Optional<HeldDeletion> held(Provider provider, String userId) {
    return stores.deletions().held(provider.name(), HELD_SCANNED).stream()
        .filter(h -> h.type() == ObjectType.USER && h.objectId().equals(userId))
        .findFirst();
  }
}
