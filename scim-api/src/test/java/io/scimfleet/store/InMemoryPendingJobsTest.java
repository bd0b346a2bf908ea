package io.scimfleet.store;

import io.scimfleet.testing.MutableClock;

class InMemoryPendingJobsTest extends PendingJobsContractTest {
  @Override
  protected PendingJobs newPendingJobs(MutableClock clock) {
    return new InMemoryPendingJobs(clock);
  }
}
