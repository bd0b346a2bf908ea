package io.scimfleet.scheduler.source;

import java.util.Locale;

/**
 * How a source finds changes between full reads: {@link #SYNCREPL} (RFC 4533 content sync in
 * refreshOnly mode, every poll) or {@link #MODIFY_TIMESTAMP} polling; {@link #AUTO} takes content
 * sync where the root DSE announces it (OpenLDAP's syncprov) and ids are entryUUIDs, polling of
 * modifyTimestamp elsewhere. {@link #DIRSYNC} and {@link #USN} (Active Directory) are refused on
 * save (400) until they are built.
 */
public enum ChangeDetection {
  AUTO("auto"),
  MODIFY_TIMESTAMP("modifyTimestamp"),
  SYNCREPL("syncrepl"),
  DIRSYNC("dirsync"),
  USN("usn");

  private final String label;

  ChangeDetection(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean implemented() {
    return this == AUTO || this == MODIFY_TIMESTAMP || this == SYNCREPL;
  }

  /** From its label, ignoring case; an actionable message for anything else. */
  public static ChangeDetection parse(String value) {
    for (ChangeDetection mode : values())
      if (mode.label.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) return mode;
    throw new IllegalArgumentException(
        "changeDetection must be auto, syncrepl, dirsync, usn or modifyTimestamp, not '"
            + value
            + "'");
  }
}
