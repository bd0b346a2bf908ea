package io.scimfleet.scheduler;

import io.scimfleet.Version;

/** Entry point of the scheduler process. */
public final class SchedulerMain {
  private SchedulerMain() {}

  public static void main(String[] args) {
    System.out.println("scim-scheduler " + Version.version());
  }
}
