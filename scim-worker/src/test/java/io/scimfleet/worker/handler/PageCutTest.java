package io.scimfleet.worker.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a phase's objects are cut into pages: whole pages, or smaller ones spread over workers. */
class PageCutTest {

  @ParameterizedTest(name = "{0} objects, {1} per page, window {2}, {3} worker(s): {4}")
  @CsvSource({
    // objects, pageSize, window, workers, the pages' sizes
    "600, 100, 4, 1, 100 100 100 100 100 100", // one worker: as before
    "600, 100, 8, 2, 75 75 75 75 75 75 75 75",
    "600, 100, 16, 4, 38 38 38 38 38 38 38 38 37 37 37 37 37 37 37 37",
    "450, 100, 8, 2, 57 57 56 56 56 56 56 56",
    "5000, 100, 16, 4, 100 x 50", // as many pages as the window or more: as before
    "1600, 100, 16, 4, 100 x 16",
    "100, 100, 16, 4, 10 10 10 10 10 10 10 10 10 10", // none below 10 objects
    "25, 100, 16, 4, 13 12",
    "9, 100, 16, 4, 9",
    "0, 100, 16, 4, ''",
    "600, 30, 16, 4, 30 x 20", // the provider's smaller page size, already over the window
    "600, 300, 16, 4, 38 38 38 38 38 38 38 38 37 37 37 37 37 37 37 37", // Bulk: fits in 300
  })
  void cutsAPhaseIntoPages(int objects, int pageSize, int window, int workers, String sizes) {
    List<List<String>> pages = new PageCut(pageSize, window, workers, 0).cut(ids(objects));

    assertThat(pages).extracting(List::size).containsExactlyElementsOf(sizes(sizes));
    assertThat(pages.stream().flatMap(List::stream).toList())
        .as("every object on one page, in order")
        .isEqualTo(ids(objects));
  }

  @ParameterizedTest(name = "planned before as {0} pages, now {1} worker(s)")
  @CsvSource({"16, 1", "16, 2", "16, 8", "6, 4", "6, 1"})
  void aPhasePlannedAgainIsCutAsItWasWhateverTheWorkersNow(int plannedBefore, int workersNow) {
    int workersThen = plannedBefore == 16 ? 4 : 1;
    List<List<String>> first = new PageCut(100, 4 * workersThen, workersThen, 0).cut(ids(600));
    assertThat(first).hasSize(plannedBefore);

    List<List<String>> again =
        new PageCut(100, 4 * workersNow, workersNow, plannedBefore).cut(ids(600));

    assertThat(again).isEqualTo(first);
  }

  @ParameterizedTest(name = "planned before as {0} pages, {1} objects now: {2} pages")
  @CsvSource({
    "16, 700, 16", // grown: still cut evenly in as many pages
    "6, 700, 7", // whole pages: one more
    "16, 5, 5" // shrunk below a page each: one object a page
  })
  void aPhasePlannedAgainAfterTheDirectoryChangedKeepsEveryObject(
      int plannedBefore, int objects, int pages) {
    List<List<String>> again = new PageCut(100, 16, 4, plannedBefore).cut(ids(objects));

    assertThat(again).hasSize(pages).allSatisfy(page -> assertThat(page).isNotEmpty());
    assertThat(again.stream().flatMap(List::stream).toList()).isEqualTo(ids(objects));
  }

  private static List<String> ids(int count) {
    return IntStream.range(0, count).mapToObj(i -> String.format("u%05d", i)).toList();
  }

  /** "100 100 75", or "100 x 50" for fifty pages of 100. */
  private static List<Integer> sizes(String sizes) {
    if (sizes.isBlank()) return List.of();
    String[] times = sizes.split(" x ", -1);
    if (times.length == 2)
      return java.util.Collections.nCopies(Integer.parseInt(times[1]), Integer.parseInt(times[0]));
    return java.util.Arrays.stream(sizes.split(" ", -1)).map(Integer::valueOf).toList();
  }
}
