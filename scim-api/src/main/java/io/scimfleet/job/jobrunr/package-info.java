/**
 * The seam to JobRunr 7.5: storage, queue, job server, dashboard and metrics. Nothing else imports
 * JobRunr: {@link io.scimfleet.job.jobrunr.FleetJobRequest} and {@link
 * io.scimfleet.job.jobrunr.FleetJobRunner} wrap the plain requests and handlers of {@code
 * io.scimfleet.job}.
 */
package io.scimfleet.job.jobrunr;
