/**
 * The seam to JobRunr 7.5: storage, queue, job server, dashboard and metrics. Nothing else imports
 * JobRunr: {@link io.scimfleet.job.jobrunr.FleetJobRequest} and {@link
 * io.scimfleet.job.jobrunr.FleetJobRunner} wrap the plain requests and handlers of {@code
 * io.scimfleet.job}. The dashboard is JobRunr's handlers on the fleet's own server ({@link
 * io.scimfleet.job.jobrunr.DashboardServer}: bound to {@code SCIM_DASHBOARD_BIND}, which JobRunr's
 * web server cannot do), behind a login compared in constant time with a lockout, without CORS.
 */
package io.scimfleet.job.jobrunr;
