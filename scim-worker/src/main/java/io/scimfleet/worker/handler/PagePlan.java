package io.scimfleet.worker.handler;

import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the directory's ids of one type into page jobs of 100 (or the provider's page size, {@link
 * io.scimfleet.worker.pipeline.PageSize}), in id order, each told how many pages run at once
 * ({@link SyncPageRequest#inFlight()}).
 */
final class PagePlan {
  private PagePlan() {}

  static List<SyncPageRequest> pages(
      DirectoryStore directory,
      ObjectType type,
      String provider,
      String runId,
      boolean force,
      int inFlight) {
    return pages(directory, type, provider, runId, force, inFlight, DirectoryStore.PAGE_SIZE);
  }

  static List<SyncPageRequest> pages(
      DirectoryStore directory,
      ObjectType type,
      String provider,
      String runId,
      boolean force,
      int inFlight,
      int pageSize) {
    List<List<String>> idPages = new ArrayList<>();
    String cursor = null;
    do {
      Page<String> page =
          type == ObjectType.USER
              ? directory.userIds(cursor, pageSize)
              : directory.groupIds(cursor, pageSize);
      if (!page.items().isEmpty()) idPages.add(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    List<SyncPageRequest> requests = new ArrayList<>();
    for (int i = 0; i < idPages.size(); i++) {
      requests.add(
          new SyncPageRequest(
              provider, runId, type, i + 1, idPages.size(), idPages.get(i), force, inFlight));
    }
    return requests;
  }
}
