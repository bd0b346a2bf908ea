package io.scimfleet.model;

import java.time.Instant;
import java.util.Objects;

/**
 * When a directory object was first written and when it last changed (for a group, a change of its
 * members or member groups counts), as the directory store records them on every write, to the
 * millisecond.
 */
public record ObjectTimes(Instant created, Instant lastModified) {
  public ObjectTimes {
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastModified, "lastModified");
  }
}
