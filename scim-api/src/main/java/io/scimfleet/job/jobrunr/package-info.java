/**
 * The seam to JobRunr 8: its Redis storage ({@link io.scimfleet.job.jobrunr.RedisStorageProvider}),
 * the JSON mapper limited to the fleet's jobs, queue, job server, dashboard and metrics. Nothing
 * else imports JobRunr: {@link io.scimfleet.job.jobrunr.FleetJobRequest} and {@link
 * io.scimfleet.job.jobrunr.FleetJobRunner} wrap the plain requests and handlers of {@code
 * io.scimfleet.job}. The dashboard is JobRunr's handlers on the fleet's own server ({@link
 * io.scimfleet.job.jobrunr.DashboardServer}: bound to {@code SCIM_DASHBOARD_BIND}, which JobRunr's
 * web server cannot do), behind a login compared in constant time with a lockout, without CORS.
 */
@NullMarked
package io.scimfleet.job.jobrunr;

import org.jspecify.annotations.NullMarked;
