package io.scimfleet.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What made a worker sync an object: a directory change, a full sync, or a person (sync-now, a
 * release).
 */
public enum SyncTrigger {
  CHANGE("change"),
  FULL_SYNC("fullSync"),
  MANUAL("manual");

  private final String label;

  SyncTrigger(String label) {
    this.label = label;
  }

  /** As in the API: {@code change}, {@code fullSync}, {@code manual}. */
  @JsonValue
  public String label() {
    return label;
  }

  @JsonCreator
  public static SyncTrigger fromLabel(String label) {
    for (SyncTrigger trigger : values()) {
      if (trigger.label.equals(label)) return trigger;
    }
    throw new IllegalArgumentException("unknown trigger '" + label + "'");
  }
}
