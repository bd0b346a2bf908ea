package io.scimfleet.job;

/**
 * The job system as the rest of the fleet sees it, without JobRunr's types: where jobs are
 * enqueued, and whether the job storage and this process's job server are up. The JobRunr seam
 * ({@code io.scimfleet.job.jobrunr.JobRunrFleet}) implements it; only the composition roots that
 * build and start it (FleetBackend, SchedulerProcess, WorkerMain, WorkerServer) hold that class
 * (the allow-list of {@code FleetLayersTest}).
 */
public interface JobSystem {
  /** Where jobs are enqueued. */
  JobQueue queue();

  /** True when the job storage answers now. */
  boolean storageAnswers();

  /** True when this process runs no job server, or its job server runs and takes jobs. */
  boolean serverRunning();

  /** False only when this process's job server cannot come back by itself. */
  boolean serverAlive();
}
