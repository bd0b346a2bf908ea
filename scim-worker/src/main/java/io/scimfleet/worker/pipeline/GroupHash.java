package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A group's payload hash as its sync state keeps it, {@code <whole>:<attributes>}: the hash of the
 * whole payload, and that of its attributes without members, so that a membership change sends no
 * attribute replace. While member changes are still to go the whole part is {@link #PENDING}; a
 * drift repair that keeps the attributes writes {@link #DRIFT}. The one place that writes and reads
 * the format.
 */
record GroupHash(String whole, String attributes) {
  /** The whole part of a state written before all its member changes went. */
  static final String PENDING = "members-pending";

  /** The whole part of a state the drift check found with other members on the target. */
  static final String DRIFT = "drift";

  private static final char SEPARATOR = ':';

  /**
   * @param payload the group's payload
   * @param attributes the same without members
   */
  static GroupHash of(ObjectNode payload, ObjectNode attributes) {
    return new GroupHash(PayloadHash.of(payload), PayloadHash.of(attributes));
  }

  /** The stored form's parts; empty when it is not a group's hash (none, or another format). */
  static Optional<GroupHash> parse(@Nullable String stored) {
    if (stored == null) return Optional.empty();
    int at = stored.lastIndexOf(SEPARATOR);
    return at < 0
        ? Optional.empty()
        : Optional.of(new GroupHash(stored.substring(0, at), stored.substring(at + 1)));
  }

  /** The same attributes, with the members still to send. */
  GroupHash membersPending() {
    return new GroupHash(PENDING, attributes);
  }

  /** The same attributes, with members the target changed. */
  GroupHash drifted() {
    return new GroupHash(DRIFT, attributes);
  }

  /** True when {@code stored} (null: none) holds these attributes. */
  boolean sameAttributes(@Nullable String stored) {
    return parse(stored).map(other -> other.attributes.equals(attributes)).orElse(false);
  }

  /** As the sync state keeps it. */
  String stored() {
    return whole + SEPARATOR + attributes;
  }
}
