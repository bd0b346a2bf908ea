package io.scimfleet.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to sync one object to one provider, as its history keeps it.
 *
 * @param time when the attempt started
 * @param outcome the {@link SyncOutcome} label; {@code failed} also for a failure that will be
 *     retried
 * @param requests each request sent to the target, in order (none when nothing needed sending)
 * @param error the readable error of a failed attempt, else null
 */
public record SyncAttempt(
    Instant time,
    SyncTrigger trigger,
    String outcome,
    List<Request> requests,
    long durationMs,
    @Nullable String error) {

  /** A request sent: its method and the status answered, -1 when no answer came. */
  public record Request(String method, int status) {}

  public SyncAttempt {
    requests = requests == null ? List.of() : List.copyOf(requests);
  }
}
