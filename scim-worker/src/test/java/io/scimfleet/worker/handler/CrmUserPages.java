package io.scimfleet.worker.handler;

import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncTrigger;
import io.scimfleet.store.Stores;
import io.scimfleet.worker.pipeline.PagePreload;
import io.scimfleet.worker.pipeline.ProviderContexts;
import java.util.List;

/** A full-sync page of users for provider {@code crm}, as the tests that run pages make it. */
final class CrmUserPages {
  private CrmUserPages() {}

  static PageRun.Work of(ProviderContexts contexts, Stores stores, List<String> ids) {
    return new PageRun.Work(
        contexts.get("crm").orElseThrow(),
        ObjectType.USER,
        ids,
        PagePreload.load(stores, "crm", ObjectType.USER, ids),
        false,
        SyncTrigger.FULL_SYNC,
        () -> {});
  }
}
