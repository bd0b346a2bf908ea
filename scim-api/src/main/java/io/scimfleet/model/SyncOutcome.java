package io.scimfleet.model;

import java.util.Locale;

/**
 * What one sync of one object did on its target. {@link #REPAIRED} and {@link #UNMANAGED} are
 * counted by a full sync's drift check only: an object found changed by hand on the target and
 * written back, and an object on the target that the fleet does not manage.
 */
public enum SyncOutcome {
  CREATED,
  UPDATED,
  UNCHANGED,
  DELETED,
  DEACTIVATED,
  FAILED,
  SKIPPED,
  REPAIRED,
  UNMANAGED;

  /** Lower-case, as in metric tags and the API. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
