package io.scimfleet.job;

/**
 * Runs one kind of {@link FleetJob}; the worker provides one per request type. A failure it throws
 * fails the job: {@link RetryLater} to be tried again, {@link PermanentJobFailure} for good,
 * anything else with the job system's bounded retries.
 *
 * @param <R> the request it runs
 */
@FunctionalInterface
public interface FleetJobHandler<R extends FleetJob> {

  void run(R request) throws Exception;
}
