package io.scimfleet.scheduler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.scimfleet.testing.Layering;
import io.scimfleet.testing.Layering.Allowed;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layers across the three modules (docs/architecture.md, "Modules" and "Layers"), held on the
 * main classes of scim-api, scim-worker and scim-scheduler: no class outside the JobRunr seam uses
 * JobRunr; outside the seam only the composition roots name its classes, everything else goes
 * through {@link io.scimfleet.job.JobSystem} and {@link io.scimfleet.job.JobQueue}; scim-api knows
 * neither process; the worker knows nothing of the scheduler; the scheduler uses the worker only to
 * embed one. A new dependency across a line fails; an allow-list entry no longer needed fails too.
 */
class FleetLayersTest {
  private static final JavaClasses MAIN = Layering.mainClasses();

  private static final String SEAM = "io.scimfleet.job.jobrunr.";

  /** The classes outside the seam that build, start, stop or show the job system. */
  static final List<Allowed> SEAM_HOLDERS =
      List.of(
          holder("io.scimfleet.FleetBackend", "JobRunrFleet", "builds it on Redis or in memory"),
          holder(
              "io.scimfleet.scheduler.SchedulerProcess",
              "JobRunrFleet",
              "binds its metrics, starts the dashboard and the failed-job purge, closes it"),
          holder(
              "io.scimfleet.worker.WorkerMain",
              "JobRunrFleet",
              "binds its metrics, closes it (drains the job server)"),
          holder(
              "io.scimfleet.worker.WorkerServer",
              "JobRunrFleet",
              "starts the job server on the worker's handlers"),
          holder(
              "io.scimfleet.worker.WorkerServer",
              "JobServerSettings",
              "the job server's threads, drain and retry window, from the settings"),
          // frozen, not composition roots: a provider's cron is checked and read with JobRunr's
          // parser (Crons, static); to go behind JobSystem with the settings work of issue 19
          holder(
              "io.scimfleet.scheduler.config.ProviderConversion",
              "Crons",
              "validates a provider's fullSyncCron (400 on a bad one)"),
          holder(
              "io.scimfleet.scheduler.sync.FullSyncScheduling",
              "Crons",
              "the period of a provider's cron, for the full-sync interval gauge"),
          holder(
              "io.scimfleet.worker.pipeline.DriftRepair",
              "Crons",
              "whether driftCheckCron fired since the last full read of the target"));

  /** What the scheduler uses of the worker: to embed one (--all-in-one and the one-shot sync). */
  static final List<Allowed> SCHEDULER_USES_WORKER = List.of();

  private static Allowed holder(String origin, String seamClass, String why) {
    return new Allowed(origin, SEAM + seamClass, why);
  }

  @Test
  void nothingOutsideTheJobRunrSeamUsesJobRunr() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.scimfleet.job.jobrunr..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jobrunr..")
        .check(MAIN);
  }

  @Test
  void outsideTheSeamOnlyTheCompositionRootsNameItsClasses() {
    classes()
        .that()
        .resideOutsideOfPackage("io.scimfleet.job.jobrunr..")
        .should(
            Layering.dependOnlyOn(
                "the job system's interfaces (io.scimfleet.job), not the seam",
                target -> !target.startsWith(SEAM),
                SEAM_HOLDERS))
        .check(MAIN);
  }

  @Test
  void scimApiKnowsNeitherProcess() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.scimfleet.worker..", "io.scimfleet.scheduler..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.scimfleet.worker..", "io.scimfleet.scheduler..")
        .check(MAIN);
  }

  @Test
  void theWorkerKnowsNothingOfTheScheduler() {
    noClasses()
        .that()
        .resideInAPackage("io.scimfleet.worker..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.scimfleet.scheduler..")
        .check(MAIN);
  }

  @Test
  void theSchedulerUsesTheWorkerOnlyToEmbedOne() {
    classes()
        .that()
        .resideInAPackage("io.scimfleet.scheduler..")
        .should(
            Layering.dependOnlyOn(
                "the worker's Worker and WorkerServer",
                target ->
                    !target.startsWith("io.scimfleet.worker.")
                        || target.equals("io.scimfleet.worker.Worker")
                        || target.equals("io.scimfleet.worker.WorkerServer"),
                SCHEDULER_USES_WORKER))
        .check(MAIN);
  }

  @Test
  void everyAllowListEntryIsStillNeeded() {
    assertThat(Layering.unused(MAIN, SEAM_HOLDERS))
        .as("fixed: remove these from FleetLayersTest.SEAM_HOLDERS")
        .isEmpty();
    assertThat(Layering.unused(MAIN, SCHEDULER_USES_WORKER))
        .as("fixed: remove these from FleetLayersTest.SCHEDULER_USES_WORKER")
        .isEmpty();
    assertThat(MAIN.stream().map(c -> c.getPackageName()).distinct())
        .as("the main classes of all three modules are looked at")
        .contains("io.scimfleet.model", "io.scimfleet.worker.handler", "io.scimfleet.scheduler");
  }
}
