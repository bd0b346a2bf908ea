package io.scimfleet.worker.handler;

import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the directory's ids of one type, in id order, and cuts them into page jobs as {@link
 * PageCut} says (pages of 100 or the provider's page size, {@link
 * io.scimfleet.worker.pipeline.PageSize}; smaller ones for a small phase over several workers),
 * each told how many pages run at once ({@link SyncPageRequest#inFlight()}: the cut's window).
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
    return pages(
        directory, type, provider, runId, force, PageCut.whole(DirectoryStore.PAGE_SIZE, inFlight));
  }

  static List<SyncPageRequest> pages(
      DirectoryStore directory,
      ObjectType type,
      String provider,
      String runId,
      boolean force,
      PageCut cut) {
    List<List<String>> idPages = cut.cut(ids(directory, type, cut.pageSize()));
    List<SyncPageRequest> requests = new ArrayList<>();
    for (int i = 0; i < idPages.size(); i++) {
      requests.add(
          new SyncPageRequest(
              provider, runId, type, i + 1, idPages.size(), idPages.get(i), force, cut.window()));
    }
    return requests;
  }

  /** All ids of {@code type}, read {@code batch} at a time. */
  private static List<String> ids(DirectoryStore directory, ObjectType type, int batch) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      Page<String> page =
          type == ObjectType.USER
              ? directory.userIds(cursor, batch)
              : directory.groupIds(cursor, batch);
      ids.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return ids;
  }
}
