package io.scimfleet.job.jobrunr;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.scimfleet.job.FleetJob;
import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * A {@link FleetJob} as JobRunr stores it: the request record, with its class beside it in the
 * job's JSON, run by the one {@link FleetJobRunner}.
 */
public record FleetJobRequest(@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) FleetJob job)
    implements JobRequest {

  @Override
  public Class<FleetJobRunner> getJobRequestHandler() {
    return FleetJobRunner.class;
  }
}
