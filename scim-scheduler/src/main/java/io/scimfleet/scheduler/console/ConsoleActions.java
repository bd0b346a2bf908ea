package io.scimfleet.scheduler.console;

import io.scimfleet.job.JobQueue;
import io.scimfleet.job.ReleaseDeletionsRequest;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.scheduler.sync.FullSyncScheduling;
import io.scimfleet.store.Stores;

/**
 * What an operator can do from the console, through the same services as the API's routes: start a
 * full sync, release or discard held deletions, sync one object now. Each answers the notice the
 * next page shows.
 */
final class ConsoleActions {
  private final Stores stores;
  private final ConsoleData data;
  private final FullSyncScheduling fullSyncs;
  private final JobQueue queue;

  ConsoleActions(Stores stores, ConsoleData data, FullSyncScheduling fullSyncs, JobQueue queue) {
    this.stores = stores;
    this.data = data;
    this.fullSyncs = fullSyncs;
    this.queue = queue;
  }

  String syncNow(String name, boolean force) {
    Provider provider = enabled(name);
    fullSyncs.startNow(provider.name(), force);
    return (force ? "Forced full sync" : "Full sync") + " of " + provider.name() + " started.";
  }

  String releaseHeld(String name) {
    String provider = data.known(name).name();
    long held = stores.deletions().heldCount(provider);
    if (held == 0) throw ConsoleException.notFound(provider + " holds no deletions.");
    queue.enqueue(new ReleaseDeletionsRequest(provider));
    return held + " held deletion(s) of " + provider + " released: a worker sends them now.";
  }

  String discardHeld(String name) {
    String provider = data.known(name).name();
    long dropped = stores.deletions().dropHeld(provider);
    return dropped + " held deletion(s) of " + provider + " discarded.";
  }

  String syncObject(String name, ObjectType type, String id) {
    Provider provider = enabled(name);
    if (data.find(type, id).isEmpty())
      throw ConsoleException.notFound("no " + type.label() + " '" + id + "' in the directory");
    queue.enqueue(SyncObjectRequest.manual(provider.name(), type, id));
    return "Sync of " + type.label() + " " + id + " to " + provider.name() + " queued.";
  }

  private Provider enabled(String name) {
    Provider provider = data.known(name);
    if (!provider.enabled())
      throw new ConsoleException(409, provider.name() + " is disabled: enable it first.");
    return provider;
  }
}
