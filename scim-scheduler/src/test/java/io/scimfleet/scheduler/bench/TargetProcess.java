package io.scimfleet.scheduler.bench;

import io.scimfleet.testing.ScimSdkServer;
import java.io.IOException;

/**
 * A SCIM-SDK target in a process of its own, so that a benchmark can read the fleet's CPU apart
 * from the target's: prints {@code <baseUrl> <token>} on one line, serves until its stdin closes.
 * Argument: the Bulk maxOperations it announces (default 50).
 */
public final class TargetProcess {
  private TargetProcess() {}

  public static void main(String[] args) throws IOException {
    int maxOperations = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    try (ScimSdkServer server =
        ScimSdkServer.start(
            ScimSdkServer.Options.defaults().withBulkMaxOperations(maxOperations))) {
      System.out.println(server.baseUrl() + " " + server.token());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the parent goes away
      }
    }
  }
}
