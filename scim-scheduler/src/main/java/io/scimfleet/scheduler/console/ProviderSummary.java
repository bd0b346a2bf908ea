package io.scimfleet.scheduler.console;

import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.HeldDeletion;
import io.scimfleet.model.Provider;
import io.scimfleet.model.Quarantine;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the console shows of one provider at a glance.
 *
 * @param running the run in progress, else null
 * @param last the last finished run, else null
 * @param quarantine its quarantine while it has one, else null
 * @param held how many removals its deletion guard holds
 * @param firstHeld the oldest of them, at most {@link ConsoleData#HELD_SHOWN}
 */
record ProviderSummary(
    Provider provider,
    @Nullable FullSyncRun running,
    @Nullable FullSyncRun last,
    long pendingJobs,
    @Nullable Quarantine quarantine,
    long held,
    List<HeldDeletion> firstHeld) {

  String name() {
    return provider.name();
  }
}
