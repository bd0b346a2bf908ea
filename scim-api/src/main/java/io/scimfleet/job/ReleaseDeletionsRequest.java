package io.scimfleet.job;

/**
 * Send the removals the provider's deletion guard holds: each held object is synced again, past the
 * guard, so that one back in the directory and in scope is updated instead of removed.
 */
public record ReleaseDeletionsRequest(String provider) implements FleetJob {

  @Override
  public Class<ReleaseDeletionsHandler> handlerType() {
    return ReleaseDeletionsHandler.class;
  }

  @Override
  public String jobName() {
    return "release held deletions → " + provider;
  }
}
