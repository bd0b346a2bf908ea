package io.scimfleet.model;

import java.util.Locale;

/** What one sync of one object did on its target. */
public enum SyncOutcome {
  CREATED, UPDATED, UNCHANGED, DELETED, DEACTIVATED, FAILED, SKIPPED;

  /** Lower-case, as in metric tags and the API. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
