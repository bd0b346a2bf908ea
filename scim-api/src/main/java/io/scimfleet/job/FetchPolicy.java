package io.scimfleet.job;

/**
 * Which enqueued jobs this process's job server takes when it fetches: a worker leaves the jobs it
 * would only hand back (a full sync's pages beyond its share) enqueued for the other workers. A job
 * the policy takes is counted as this process's until its handler runs it, or until the policy
 * hears that another server got it first ({@link #lost}).
 */
public interface FetchPolicy {
  /** Takes every job: a process without a policy. */
  FetchPolicy ANY =
      new FetchPolicy() {
        @Override
        public boolean take(FleetJob job, boolean overdue) {
          return true;
        }

        @Override
        public void lost(FleetJob job) {}

        @Override
        public boolean takesAll() {
          return true;
        }
      };

  /**
   * Whether this process takes {@code job} now; when it does, it counts the job as its own.
   *
   * @param overdue the job has waited in the queue longer than a worker with room takes to fetch
   *     it: every worker left it (their counts of the live workers may be stale), so it is taken
   *     now wherever it is fetched
   */
  boolean take(FleetJob job, boolean overdue);

  /**
   * A job that {@link #take} counted and this process did not get: another server saved it first.
   */
  void lost(FleetJob job);

  /**
   * True when {@link #take} takes whatever is fetched now (say, no full sync's pages run here): the
   * fetch then claims the oldest jobs without reading the ones before them first. {@link #take} is
   * still asked of each claimed job, and a job it leaves is given back at once.
   */
  default boolean takesAll() {
    return false;
  }
}
