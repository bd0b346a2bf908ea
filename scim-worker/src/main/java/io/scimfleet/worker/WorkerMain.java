package io.scimfleet.worker;

import io.scimfleet.Version;

/** Entry point of the worker process. */
public final class WorkerMain {
  private WorkerMain() {}

  public static void main(String[] args) {
    System.out.println("scim-worker " + Version.version());
  }
}
