package io.scimfleet.worker.handler;

import java.util.ArrayList;
import java.util.List;

/**
 * How one phase's objects are cut into pages. Pages of {@code pageSize} objects, in id order; but
 * when several workers are live and that makes fewer pages than the phase's {@code window}, the
 * objects are cut into more, smaller pages of near-equal size (up to the window, none below {@link
 * #MIN_OBJECTS}), so that each worker's share of the window ({@link PageShares}) holds an even part
 * of the objects: a small sync spreads over the workers too. Six pages of 100 over four workers put
 * 200 objects on two of them (3.0× at most); sixteen pages of 37–38 put 150 on each.
 *
 * <p>With one live worker nothing changes: its pages share its own {@code maxConcurrency}, so
 * smaller pages would only cost more jobs. Smaller pages still fit a target's Bulk {@code
 * maxOperations} wherever {@code pageSize} did.
 *
 * @param pageSize the provider's objects per page ({@link io.scimfleet.worker.pipeline.PageSize})
 * @param window the pages of the phase let run at once ({@link FullSyncFlow#pagesInFlight()})
 * @param workers the live workers when planned
 * @param plannedBefore the pages this phase of this run was cut into by a plan that ran before (its
 *     job runs again after a crash), 0 for none: the plan again cuts the same pages, whatever the
 *     live workers are now, so that each object stays on the page it was on
 */
record PageCut(int pageSize, int window, int workers, int plannedBefore) {
  /** The fewest objects a page cut smaller than {@code pageSize} holds. */
  static final int MIN_OBJECTS = 10;

  /** Pages of {@code pageSize} only (tests, and planning that knows of one worker). */
  static PageCut whole(int pageSize, int window) {
    return new PageCut(pageSize, window, 1, 0);
  }

  /** How many pages {@code objects} objects are cut into. */
  int pages(int objects) {
    int whole = ceilDiv(objects, pageSize);
    if (plannedBefore > 0) return Math.max(whole, Math.min(plannedBefore, objects));
    if (workers <= 1 || whole >= window) return whole;
    return Math.max(whole, Math.min(window, objects / MIN_OBJECTS));
  }

  /** {@code ids} cut into {@link #pages} pages, in their order. */
  List<List<String>> cut(List<String> ids) {
    int pages = pages(ids.size());
    boolean smaller = pages > ceilDiv(ids.size(), pageSize);
    List<List<String>> cut = new ArrayList<>(pages);
    int from = 0;
    for (int page = 0; page < pages; page++) {
      int size = smaller ? evenSize(ids.size(), pages, page) : pageSize;
      int to = Math.min(ids.size(), from + size);
      cut.add(List.copyOf(ids.subList(from, to)));
      from = to;
    }
    return cut;
  }

  /** The size of page {@code page} (from 0) of {@code objects} cut evenly into {@code pages}. */
  private static int evenSize(int objects, int pages, int page) {
    return objects / pages + (page < objects % pages ? 1 : 0);
  }

  private static int ceilDiv(int objects, int size) {
    return (objects + size - 1) / size;
  }
}
