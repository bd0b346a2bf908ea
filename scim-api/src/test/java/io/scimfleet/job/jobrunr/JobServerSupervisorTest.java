package io.scimfleet.job.jobrunr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scimfleet.job.SyncObjectHandler;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.job.SyncPageHandler;
import io.scimfleet.job.SyncPageRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.storage.Paging;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.junit.jupiter.api.Test;

/**
 * A job server that JobRunr stopped (as it does when Redis fails a heartbeat) starts again once the
 * storage answers.
 */
class JobServerSupervisorTest {
  private static final JobServerSettings SETTINGS =
      new JobServerSettings(2, Duration.ofSeconds(5), Duration.ofSeconds(1), "supervised");

  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final SyncObjectHandler handler = request -> ran.add(request.objectId());

  @Test
  void aServerThatStoppedByItselfStartsAgainOnceTheStorageAnswersAndRunsJobs() {
    AtomicBoolean answers = new AtomicBoolean(false);
    try (JobRunrFleet fleet = new JobRunrFleet(new InMemoryStorageProvider(), answers::get)) {
      BackgroundJobServer server =
          fleet.startServer(Map.of(SyncObjectHandler.class, handler), SETTINGS);

      server.stop(); // what JobRunr's ServerZooKeeper does when a heartbeat fails
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(10))
          .until(() -> !fleet.serverRunning());
      answers.set(true);

      await().atMost(Duration.ofSeconds(30)).until(fleet::serverRunning);
      fleet.queue().enqueue(new SyncObjectRequest("slack", ObjectType.USER, "u1", null));
      await().atMost(Duration.ofSeconds(45)).until(() -> ran.contains("u1"));
      assertThat(fleet.serverAlive()).isTrue();
    }
  }

  @Test
  void aJobTheServerRanWhenItStoppedRunsAgainOnceTheServerIsBackNotAtJobRunrsOrphanTimeout() {
    AtomicBoolean answers = new AtomicBoolean(true);
    InMemoryStorageProvider storage = new InMemoryStorageProvider();
    try (JobRunrFleet fleet = new JobRunrFleet(storage, answers::get)) {
      BackgroundJobServer server =
          fleet.startServer(Map.of(SyncObjectHandler.class, handler), SETTINGS);
      await().atMost(Duration.ofSeconds(30)).until(fleet::serverRunning);
      // what the storage holds of a job that ran when Redis went away: processing, on this server
      fleet
          .queue()
          .enqueueAllAfter(
              List.of(new SyncObjectRequest("slack", ObjectType.USER, "stuck", null)),
              Duration.ofDays(1));
      Job job =
          storage.getJobList(StateName.SCHEDULED, Paging.AmountBasedList.ascOnUpdatedAt(10)).get(0);
      job.enqueue();
      job.startProcessingOn(server);
      storage.save(job);

      answers.set(false);
      server.stop(); // what JobRunr's ServerZooKeeper does when a heartbeat fails
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(10))
          .until(() -> !fleet.serverRunning());
      answers.set(true);

      // JobRunr itself re-runs it only once it is orphaned: 20 s after its last heartbeat, + 3 s
      await().atMost(Duration.ofSeconds(12)).until(() -> ran.contains("stuck"));
    }
  }

  @Test
  void anInterruptedPageReleasesItsSuccessorAtOnce() {
    AtomicBoolean answers = new AtomicBoolean(true);
    InMemoryStorageProvider storage = new InMemoryStorageProvider();
    List<Integer> pagesRan = new CopyOnWriteArrayList<>();
    try (JobRunrFleet fleet = new JobRunrFleet(storage, answers::get)) {
      BackgroundJobServer server =
          fleet.startServer(
              Map.of(SyncPageHandler.class, (SyncPageHandler) page -> pagesRan.add(page.page())),
              SETTINGS);
      await().atMost(Duration.ofSeconds(30)).until(fleet::serverRunning);
      // page 1 was running when Redis went away; page 2 is held until page 1 is done
      fleet.queue().enqueueAllAfter(List.of(page(1)), Duration.ofDays(1));
      fleet.queue().enqueueHeld(List.of(page(2)), Duration.ofDays(1), Duration.ZERO);
      Job running = storage.getJobById(page(1).stableId());
      running.enqueue();
      running.startProcessingOn(server);
      storage.save(running);

      answers.set(false);
      server.stop();
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(10))
          .until(() -> !fleet.serverRunning());
      answers.set(true);

      await().atMost(Duration.ofSeconds(12)).until(() -> pagesRan.containsAll(List.of(1, 2)));
    }
  }

  private static SyncPageRequest page(int number) {
    return new SyncPageRequest("slack", "r1", ObjectType.USER, number, 2, List.of("u"), false, 1);
  }

  @Test
  void aServerWeStoppedStaysStopped() {
    try (JobRunrFleet fleet = new JobRunrFleet(new InMemoryStorageProvider(), () -> true)) {
      BackgroundJobServer server =
          fleet.startServer(Map.of(SyncObjectHandler.class, handler), SETTINGS);

      fleet.stopServer();

      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(10))
          .until(() -> !server.isRunning());
    }
  }

  @Test
  void anOutageOfAnyLengthKeepsTheProcessAlive() {
    MutableClock clock = MutableClock.startingNow();
    JobServerSupervisor supervisor =
        new JobServerSupervisor(serverThatNeverStarts(), () -> false, clock);

    for (int minute = 0; minute < 60; minute++) {
      clock.advance(Duration.ofMinutes(1));
      supervisor.run();
    }

    assertThat(supervisor.alive()).isTrue();
  }

  @Test
  void aServerThatDoesNotStartAlthoughTheStorageAnswersIsNotAliveAfterTwoMinutes() {
    MutableClock clock = MutableClock.startingNow();
    JobServerSupervisor supervisor =
        new JobServerSupervisor(serverThatNeverStarts(), () -> true, clock);

    supervisor.run();
    clock.advance(JobServerSupervisor.STUCK_AFTER.minusSeconds(1));
    supervisor.run();
    assertThat(supervisor.alive()).isTrue();
    clock.advance(Duration.ofSeconds(2));
    supervisor.run();

    assertThat(supervisor.alive()).isFalse();
  }

  @Test
  void aDrainLongerThanTwoMinutesIsWaitedForBeforeTheVerdict() {
    MutableClock clock = MutableClock.startingNow();
    JobServerSupervisor supervisor =
        new JobServerSupervisor(
            serverThatNeverStarts(),
            () -> true,
            clock,
            Duration.ofMinutes(5),
            Duration.ofSeconds(5));

    supervisor.run();
    clock.advance(Duration.ofMinutes(5));
    supervisor.run();
    assertThat(supervisor.alive()).isTrue();
    clock.advance(Duration.ofMinutes(2));
    supervisor.run();

    assertThat(supervisor.alive()).isFalse();
  }

  @Test
  void aServerThatRunsButNeverAnnouncesItselfIsStoppedToStartAgain() {
    MutableClock clock = MutableClock.startingNow();
    AtomicBoolean stopped = new AtomicBoolean();
    BackgroundJobServer unannounced =
        new BackgroundJobServer(
            new InMemoryStorageProvider(),
            new JacksonJsonMapper(),
            null,
            org.jobrunr.server.BackgroundJobServerConfiguration
                .usingStandardBackgroundJobServerConfiguration()) {
          @Override
          public boolean isRunning() {
            return true;
          }

          @Override
          public boolean isAnnounced() {
            return false;
          }

          @Override
          public void stop() {
            stopped.set(true);
          }
        };
    JobServerSupervisor supervisor =
        new JobServerSupervisor(
            unannounced, () -> true, clock, Duration.ofSeconds(1), Duration.ofSeconds(5));

    supervisor.run();
    clock.advance(Duration.ofSeconds(14));
    supervisor.run();
    assertThat(stopped).isFalse();
    clock.advance(Duration.ofSeconds(2));
    supervisor.run();

    assertThat(stopped).isTrue();
  }

  @Test
  void aSupervisorThatStoppedRunningIsNotAlive() {
    MutableClock clock = MutableClock.startingNow();
    JobServerSupervisor supervisor =
        new JobServerSupervisor(serverThatNeverStarts(), () -> false, clock);
    supervisor.run();

    clock.advance(JobServerSupervisor.STUCK_AFTER.plusSeconds(1));

    assertThat(supervisor.alive()).isFalse();
  }

  private static BackgroundJobServer serverThatNeverStarts() {
    return new BackgroundJobServer(
        new InMemoryStorageProvider(),
        new JacksonJsonMapper(),
        null,
        org.jobrunr.server.BackgroundJobServerConfiguration
            .usingStandardBackgroundJobServerConfiguration()) {
      @Override
      public void start() {
        // a storage that accepts no server: it never gets going
      }
    };
  }
}
