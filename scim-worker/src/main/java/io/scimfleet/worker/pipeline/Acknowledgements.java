package io.scimfleet.worker.pipeline;

import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Receipt;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.model.SyncTrigger;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an attempt's end tells beyond the object's history: a user's {@link Receipt} on the
 * provider, and, for a change the target acknowledged, the propagation lag from the directory write
 * ({@link WriteTimes}) to now. Neither ever fails the sync.
 */
final class Acknowledgements {
  private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

  private final Stores stores;
  private final FleetMetrics metrics;
  private final WriteTimes writes;
  private final Clock clock;

  Acknowledgements(Stores stores, FleetMetrics metrics, Clock clock) {
    this.stores = stores;
    this.metrics = metrics;
    this.writes = new WriteTimes(stores);
    this.clock = clock;
  }

  /**
   * The attempt of the object ended in {@code outcome} ({@code error} when it failed).
   *
   * @param linked the remote id its state holds now, when the attempt noted it; else its state is
   *     read
   */
  void attempted(
      String provider,
      ObjectType type,
      String objectId,
      SyncTrigger trigger,
      SyncOutcome outcome,
      @Nullable String error,
      Linked linked) {
    try {
      Instant now = clock.instant();
      if (type == ObjectType.USER) receipt(provider, objectId, outcome, error, now, linked);
      if (trigger == SyncTrigger.CHANGE) lag(provider, type, objectId, outcome, now);
    } catch (RuntimeException e) {
      log.debug(
          "receipt or lag of {} {} on {} not recorded: {}",
          type.label(),
          objectId,
          provider,
          e.getMessage());
    }
  }

  /**
   * The remote id an attempt left its object linked to (null: none), when it noted it ({@code
   * known}: its state read under its lock, or written since, and no failure); else the receipt
   * reads the state.
   */
  record Linked(boolean known, @Nullable String remoteId) {
    static final Linked UNKNOWN = new Linked(false, null);
  }

  /** One object's attempt of a page, as {@link #attempted} takes it, with its remote id. */
  record Ended(
      String objectId, SyncOutcome outcome, @Nullable String error, @Nullable String remoteId) {}

  /**
   * {@link #attempted} for each of a page's objects (its Bulk requests' users): their receipts read
   * and written in one round trip each; {@code remoteId} of each is what it is linked to now.
   */
  void attemptedAll(String provider, ObjectType type, SyncTrigger trigger, List<Ended> ended) {
    try {
      Instant now = clock.instant();
      if (type == ObjectType.USER) receipts(provider, ended, now);
      if (trigger == SyncTrigger.CHANGE) lags(provider, type, ended, now);
    } catch (RuntimeException e) {
      log.debug(
          "receipts or lags of {} {}s on {} not recorded: {}",
          ended.size(),
          type.label(),
          provider,
          e.getMessage());
    }
  }

  private void receipts(String provider, List<Ended> ended, Instant now) {
    List<Ended> kept =
        ended.stream()
            .filter(
                one -> one.outcome() == SyncOutcome.FAILED || Receipt.acknowledged(one.outcome()))
            .toList();
    if (kept.isEmpty()) return;
    // an acknowledged write with its remote id makes a receipt of its own: only failures (which
    // keep the last acknowledgement) and writes without an id read the one before
    Map<String, Receipt> previous =
        stores
            .receipts()
            .getAll(
                provider,
                kept.stream()
                    .filter(one -> one.outcome() == SyncOutcome.FAILED || one.remoteId() == null)
                    .map(Ended::objectId)
                    .toList());
    Map<String, Receipt> next = new LinkedHashMap<>();
    for (Ended one : kept) {
      next.put(
          one.objectId(),
          Receipt.after(
              previous.get(one.objectId()),
              provider,
              one.outcome(),
              one.remoteId(),
              now,
              one.error()));
    }
    stores.receipts().putAll(next);
  }

  private void receipt(
      String provider,
      String userId,
      SyncOutcome outcome,
      @Nullable String error,
      Instant now,
      Linked linked) {
    if (outcome != SyncOutcome.FAILED && !Receipt.acknowledged(outcome)) return;
    String remoteId =
        linked.known()
            ? linked.remoteId()
            : stores
                .syncState()
                .get(provider, ObjectType.USER, userId)
                .map(ObjectSyncState::remoteId)
                .orElse(null);
    Receipt previous = stores.receipts().get(userId, provider).orElse(null);
    stores.receipts().put(userId, Receipt.after(previous, provider, outcome, remoteId, now, error));
  }

  private void lag(
      String provider, ObjectType type, String objectId, SyncOutcome outcome, Instant now) {
    String action = PropagationAction.of(outcome);
    if (action == null) return;
    writes.lastWrite(type, objectId).ifPresent(written -> lag(provider, action, written, now));
  }

  /** {@link #lag} of each acknowledged object, their write times read at once. */
  private void lags(String provider, ObjectType type, List<Ended> ended, Instant now) {
    List<Ended> acknowledged =
        ended.stream().filter(one -> PropagationAction.of(one.outcome()) != null).toList();
    if (acknowledged.isEmpty()) return;
    Map<String, Instant> written =
        writes.lastWrites(type, acknowledged.stream().map(Ended::objectId).toList());
    for (Ended one : acknowledged) {
      Instant at = written.get(one.objectId());
      String action = PropagationAction.of(one.outcome());
      if (at != null && action != null) lag(provider, action, at, now);
    }
  }

  private void lag(String provider, String action, Instant written, Instant now) {
    if (!written.isAfter(now)) metrics.propagated(provider, action, Duration.between(written, now));
  }
}
