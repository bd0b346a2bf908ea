package io.scimfleet.scheduler.console;

import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.Provider;
import io.scimfleet.model.SyncAttempt;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where one object stands on one provider.
 *
 * @param state its sync state there; null when it was never synced there
 * @param attempts its last attempts there, newest first
 */
record ObjectOnProvider(
    Provider provider, @Nullable ObjectSyncState state, List<SyncAttempt> attempts) {}
