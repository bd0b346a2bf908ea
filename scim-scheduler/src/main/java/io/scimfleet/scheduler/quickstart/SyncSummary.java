package io.scimfleet.scheduler.quickstart;

import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.Provider;
import io.scimfleet.model.SyncCounts;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** The lines the {@code sync} command prints for one provider's run. */
final class SyncSummary {
  private SyncSummary() {}

  static void print(PrintStream out, Provider provider, FullSyncRun run) {
    out.println(
        "provider "
            + provider.name()
            + (provider.dryRun() ? " (dry run: nothing was sent)" : "")
            + " -> "
            + provider.baseUrl());
    if (run == null) {
      out.println("  status: TIMED OUT (the full sync did not finish in time; try --wait-seconds)");
      return;
    }
    Duration took =
        run.finishedAt() == null
            ? Duration.ZERO
            : Duration.between(run.startedAt(), run.finishedAt());
    out.println(
        "  status: "
            + run.status()
            + String.format(Locale.ROOT, " in %.1f s", took.toMillis() / 1000.0)
            + (run.message() == null ? "" : " (" + run.message() + ")"));
    SyncCounts c = run.counts();
    out.println(
        "  created "
            + c.created()
            + ", updated "
            + c.updated()
            + ", unchanged "
            + c.unchanged()
            + ", deleted "
            + c.deleted()
            + ", deactivated "
            + c.deactivated()
            + ", failed "
            + c.failed()
            + ", skipped "
            + c.skipped()
            + ", repaired "
            + c.repaired()
            + ", unmanaged "
            + c.unmanaged());
    if (run.errors().isEmpty()) {
      out.println("  errors: none");
    } else {
      out.println("  errors (first " + run.errors().size() + "):");
      run.errors().forEach(error -> out.println("    " + error));
    }
  }

  static boolean succeeded(FullSyncRun run) {
    return run != null
        && run.status() == FullSyncRun.Status.SUCCEEDED
        && run.counts().failed() == 0;
  }
}
