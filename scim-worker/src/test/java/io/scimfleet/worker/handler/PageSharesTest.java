package io.scimfleet.worker.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.model.ObjectType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A worker's share of a provider's window of pages, and the pages it takes against it. */
class PageSharesTest {

  @Test
  void theWindowIsSplitEvenlyOverTheLiveWorkersRoundedUp() {
    // the window of a fleet of N workers with the default pacing: 4 pages per worker
    assertThat(PageShares.share(4, 50, 1)).isEqualTo(4);
    assertThat(PageShares.share(8, 50, 2)).isEqualTo(4);
    assertThat(PageShares.share(16, 50, 4)).isEqualTo(4);
    // a small sync: fewer pages than the window, split over the workers
    assertThat(PageShares.share(8, 6, 2)).isEqualTo(3);
    assertThat(PageShares.share(16, 6, 4)).isEqualTo(2);
    assertThat(PageShares.share(12, 5, 3)).isEqualTo(2);
    // rounded up: the shares together always hold the whole window
    assertThat(PageShares.share(8, 50, 3)).isEqualTo(3);
  }

  @Test
  void aReleaseWithoutATakeSaysSo() {
    assertThatThrownBy(() -> PageShares.alone().release("crm"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("a page of crm released here without a take");
  }

  @Test
  void aShareIsAtLeastOnePage() {
    assertThat(PageShares.share(2, 1, 4)).isEqualTo(1);
    assertThat(PageShares.share(4, 50, 8)).isEqualTo(1);
    assertThat(PageShares.share(4, 50, 0)).isEqualTo(4);
  }

  @Test
  void aPagePlannedWithoutAWindowSharesAllThePagesOfItsPhase() {
    assertThat(PageShares.share(0, 10, 2)).isEqualTo(5);
    assertThat(PageShares.share(0, 10, 1)).isEqualTo(10);
  }

  @Test
  void withSeveralLiveWorkersAProcessTakesItsShareAndLeavesTheRest() {
    PageShares shares = new PageShares(() -> 2);
    SyncPageRequest page = page("crm", 6, 8);

    assertThat(shares.tryTake(page)).isTrue();
    assertThat(shares.tryTake(page)).isTrue();
    assertThat(shares.tryTake(page)).isTrue();
    assertThat(shares.tryTake(page)).as("the fourth page is the other worker's").isFalse();
    assertThat(shares.tryTake(page("other", 6, 8)))
        .as("another provider has a share of its own")
        .isTrue();

    shares.release("crm");
    assertThat(shares.running("crm")).isEqualTo(2);
    assertThat(shares.tryTake(page)).isTrue();
  }

  @Test
  void aPageOverTheShareWaitsForOneOfThisProcesssPagesToEnd() throws Exception {
    PageShares shares = new PageShares(() -> 2);
    SyncPageRequest page = page("crm", 2, 2); // a share of one page
    assertThat(shares.tryTake(page)).isTrue();

    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(() -> shares.tryTake(page, Duration.ofSeconds(30)));
    shares.release("crm");

    assertThat(waiting.get(10, TimeUnit.SECONDS)).as("taken once the first page ended").isTrue();
    assertThat(shares.running("crm")).isEqualTo(1);
  }

  @Test
  void aPageOverTheShareIsLeftToTheOthersWhenNothingEndsWithinTheWait() {
    PageShares shares = new PageShares(() -> 2);
    SyncPageRequest page = page("crm", 2, 2);
    assertThat(shares.tryTake(page)).isTrue();

    long start = System.nanoTime();
    assertThat(shares.tryTake(page, Duration.ofMillis(50))).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(50));
    assertThat(shares.running("crm")).isEqualTo(1);
  }

  @Test
  void theOnlyWorkerTakesEveryPageAsBefore() {
    PageShares shares = new PageShares(() -> 1);
    for (int i = 0; i < 20; i++) assertThat(shares.tryTake(page("crm", 50, 4))).isTrue();
    assertThat(shares.running("crm")).isEqualTo(20);
  }

  @Test
  void theLiveWorkersAreReadAtMostOnceASecondAndAnUnreadableCountMeansNoCap() {
    AtomicInteger reads = new AtomicInteger();
    PageShares shares =
        new PageShares(
            () -> {
              reads.incrementAndGet();
              return 3;
            });
    for (int i = 0; i < 100; i++) assertThat(shares.liveWorkers()).isEqualTo(3);
    assertThat(reads).hasValue(1);

    PageShares unreadable =
        new PageShares(
            () -> {
              throw new IllegalStateException("Redis is away");
            });
    assertThat(unreadable.liveWorkers()).as("no count yet: one worker, no cap").isEqualTo(1);
  }

  @Test
  void aFetchClaimsWithoutLookingWhileNoPageRunsHereOrThisIsTheOnlyWorker() {
    PageShares two = new PageShares(() -> 2);
    assertThat(two.takesAll()).as("no page runs here").isTrue();
    assertThat(two.take(page("crm", 1, 6, 8), false)).isTrue();
    assertThat(two.takesAll()).as("a page counted: the share may be met").isFalse();
    two.lost(page("crm", 1, 6, 8));
    assertThat(two.takesAll()).as("its place given back").isTrue();

    PageShares one = new PageShares(() -> 1);
    assertThat(one.take(page("crm", 1, 6, 8), false)).isTrue();
    assertThat(one.takesAll()).as("the only worker has no share").isTrue();
  }

  @Test
  void atAFetchAProcessAtItsShareLeavesTheProvidersPagesEnqueuedForTheOthers() {
    PageShares shares = new PageShares(() -> 2);

    assertThat(shares.take(page("crm", 1, 6, 8), false)).isTrue();
    assertThat(shares.take(page("crm", 2, 6, 8), false)).isTrue();
    assertThat(shares.take(page("crm", 3, 6, 8), false)).isTrue();
    assertThat(shares.take(page("crm", 4, 6, 8), false))
        .as("its share (3 of 6) is counted from the fetch, before any page runs")
        .isFalse();
    assertThat(shares.take(page("other", 1, 6, 8), false)).as("another provider's").isTrue();
    assertThat(shares.take(new SyncObjectRequest("crm", ObjectType.USER, "u1", null), false))
        .as("every job that is not a page")
        .isTrue();
  }

  @Test
  void aPageTakenAtItsFetchRunsOnThatPlaceAndCountsOnce() {
    PageShares shares = new PageShares(() -> 2);
    SyncPageRequest first = page("crm", 1, 2, 2); // a share of one page
    assertThat(shares.take(first, false)).isTrue();

    assertThat(shares.tryTake(first)).as("its handler takes the reserved place").isTrue();
    assertThat(shares.running("crm")).isEqualTo(1);
    shares.release("crm");
    assertThat(shares.take(page("crm", 2, 2, 2), false)).as("the place is free again").isTrue();
  }

  @Test
  void aPageThatAnotherServerGotGivesItsPlaceBack() {
    PageShares shares = new PageShares(() -> 2);
    SyncPageRequest first = page("crm", 1, 2, 2);
    assertThat(shares.take(first, false)).isTrue();

    shares.lost(first);

    assertThat(shares.running("crm")).isZero();
    assertThat(shares.take(page("crm", 2, 2, 2), false)).isTrue();
  }

  @Test
  void anOverduePageIsTakenOverTheShare() {
    PageShares shares = new PageShares(() -> 2);
    assertThat(shares.take(page("crm", 1, 2, 2), false)).isTrue();
    assertThat(shares.take(page("crm", 2, 2, 2), false)).isFalse();

    assertThat(shares.take(page("crm", 2, 2, 2), true))
        .as("left by every worker for too long: taken wherever it is fetched")
        .isTrue();
    assertThat(shares.tryTake(page("crm", 2, 2, 2))).as("and run, not handed back").isTrue();
  }

  private static SyncPageRequest page(String provider, int pages, int window) {
    return page(provider, 1, pages, window);
  }

  private static SyncPageRequest page(String provider, int number, int pages, int window) {
    return new SyncPageRequest(
        provider, "r1", ObjectType.USER, number, pages, List.of("u1"), false, window);
  }
}
