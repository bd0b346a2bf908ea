package io.scimfleet.scim.internal;

/** Daemon threads for the client's timers, so that a forgotten client never keeps a JVM alive. */
final class Daemon {
  private Daemon() {}

  static Thread thread(Runnable runnable) {
    Thread thread = new Thread(runnable, "scim-client-deadline");
    thread.setDaemon(true);
    return thread;
  }
}
