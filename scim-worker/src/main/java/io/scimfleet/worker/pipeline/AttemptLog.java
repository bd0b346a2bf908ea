package io.scimfleet.worker.pipeline;

import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncAttempt;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.model.SyncTrigger;
import io.scimfleet.scim.RequestListener;
import io.scimfleet.store.ObjectHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each object's sync attempt to its history. An attempt runs on one thread, and so do its
 * requests: {@link #LISTENER}, a request listener of every provider's client, adds each request to
 * the attempt open on the thread. An attempt started inside another one (a group syncing a member
 * first) has its own requests and takes its trigger. A history that cannot be written never fails
 * the sync.
 */
final class AttemptLog {
  private static final Logger log = LoggerFactory.getLogger(AttemptLog.class);
  private static final ThreadLocal<Open> CURRENT = new ThreadLocal<>();

  /** Adds each request to the attempt open on the calling thread, if any. */
  static final RequestListener LISTENER =
      (method, endpoint, status, took) -> {
        Open open = CURRENT.get();
        if (open != null) open.requests.add(new SyncAttempt.Request(method, status));
      };

  private final ObjectHistory history;
  private final Clock clock;
  private final Acknowledgements acknowledgements;

  AttemptLog(ObjectHistory history, Clock clock, Acknowledgements acknowledgements) {
    this.history = history;
    this.clock = clock;
    this.acknowledgements = acknowledgements;
  }

  /** The trigger of the attempt open on this thread, else {@code fallback}. */
  static SyncTrigger currentTrigger(SyncTrigger fallback) {
    Open open = CURRENT.get();
    return open == null ? fallback : open.trigger;
  }

  /**
   * The object of the attempt open on this thread is linked to {@code remoteId} on the target
   * (null: to none), as its sync state now holds: read under its lock, or just written. Its receipt
   * takes it from here; an attempt that failed, or noted none, reads its state again.
   */
  static void linked(@Nullable String remoteId) {
    Open open = CURRENT.get();
    if (open != null) open.linked(remoteId);
  }

  /** Opens an attempt on this thread; close it with {@link Open#finish}. */
  Open open(SyncTrigger trigger) {
    Open open =
        new Open(
            trigger,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            System.nanoTime(),
            CURRENT.get());
    CURRENT.set(open);
    return open;
  }

  /**
   * One attempt made inside a SCIM Bulk request of a page (a full sync's, or a burst of changes):
   * its one operation (method and the status the target gave it), its result, and the remote id the
   * object is linked to now (for its receipt).
   */
  record BulkAttempt(
      String objectId, String method, int status, SyncResult result, @Nullable String remoteId) {}

  /**
   * The attempts of one Bulk request's objects, each taking the time the request took: their
   * histories and receipts written in a round trip or two for all of them, not a few per object.
   */
  void recordBulk(
      String provider,
      ObjectType type,
      SyncTrigger trigger,
      Instant started,
      long tookMillis,
      List<BulkAttempt> attempts) {
    if (attempts.isEmpty()) return;
    Map<String, SyncAttempt> written = new LinkedHashMap<>();
    List<Acknowledgements.Ended> ended = new ArrayList<>(attempts.size());
    for (BulkAttempt one : attempts) {
      SyncResult result = one.result();
      written.put(
          one.objectId(),
          new SyncAttempt(
              started,
              trigger,
              result.outcome().label(),
              List.of(new SyncAttempt.Request(one.method(), one.status())),
              tookMillis,
              result.error()));
      ended.add(
          new Acknowledgements.Ended(
              one.objectId(), result.outcome(), result.error(), one.remoteId()));
    }
    try {
      history.recordAll(provider, type, written);
    } catch (RuntimeException e) {
      log.debug(
          "history of {} {}s on {} not written: {}",
          written.size(),
          type.label(),
          provider,
          e.getMessage());
    }
    acknowledgements.attemptedAll(provider, type, trigger, ended);
  }

  /**
   * Runs {@code body} as one attempt of the object, recorded in its history with its result or its
   * failure.
   */
  SyncResult recording(
      String provider,
      ObjectType type,
      String objectId,
      SyncTrigger trigger,
      Supplier<SyncResult> body) {
    Open attempt = open(trigger);
    SyncResult result = null;
    Throwable failure = null;
    try {
      result = body.get();
      return result;
    } catch (RuntimeException | Error e) { // an Error too: recorded, then thrown as it came
      failure = e;
      throw e;
    } finally {
      attempt.finish(provider, type, objectId, result, failure);
    }
  }

  /** A history that cannot be written never fails the sync. */
  private void write(String provider, ObjectType type, String objectId, SyncAttempt attempt) {
    try {
      history.record(provider, type, objectId, attempt);
    } catch (RuntimeException e) {
      log.debug(
          "history of {} {} on {} not written: {}",
          type.label(),
          objectId,
          provider,
          e.getMessage());
    }
  }

  /** What a failed attempt says: its exception's message, else the exception. */
  private static String message(@Nullable Throwable failure) {
    Throwable thrown = Objects.requireNonNull(failure, "an attempt without a result failed");
    return thrown.getMessage() != null ? thrown.getMessage() : thrown.toString();
  }

  /** One attempt under way on this thread. */
  final class Open {
    private final SyncTrigger trigger;
    private final Instant started;
    private final long startedNanos;
    private final @Nullable Open outer;
    private final List<SyncAttempt.Request> requests = new ArrayList<>();
    private Acknowledgements.Linked linked = Acknowledgements.Linked.UNKNOWN;

    private Open(SyncTrigger trigger, Instant started, long startedNanos, @Nullable Open outer) {
      this.trigger = trigger;
      this.started = started;
      this.startedNanos = startedNanos;
      this.outer = outer;
    }

    private void linked(@Nullable String remoteId) {
      linked = new Acknowledgements.Linked(true, remoteId);
    }

    /**
     * Ends the attempt (the outer one, if any, is open again) and records its result, or its
     * failure; a provider's quarantine is no attempt of this object and is not recorded.
     */
    void finish(
        String provider,
        ObjectType type,
        String objectId,
        @Nullable SyncResult result,
        @Nullable Throwable failure) {
      if (outer == null) CURRENT.remove();
      else CURRENT.set(outer);
      if (failure instanceof ProviderQuarantinedException) return;
      SyncOutcome ended = result != null ? result.outcome() : SyncOutcome.FAILED;
      String outcome = ended.label();
      String error = result != null ? result.error() : message(failure);
      long took = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
      write(
          provider,
          type,
          objectId,
          new SyncAttempt(started, trigger, outcome, requests, took, error));
      acknowledgements.attempted(
          provider,
          type,
          objectId,
          trigger,
          ended,
          error,
          result == null || result.failed() ? Acknowledgements.Linked.UNKNOWN : linked);
    }
  }
}
