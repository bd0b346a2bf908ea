/**
 * JobRunr's dashboard served by the fleet: JobRunr's own handlers on a JDK HTTP server bound to
 * {@code SCIM_DASHBOARD_BIND} (JobRunr's web server listens on every interface and cannot be told
 * otherwise), behind a Basic login compared in constant time, a lockout after repeated failures,
 * and without JobRunr's {@code Access-Control-Allow-Origin: *}.
 */
package io.scimfleet.job.jobrunr.dashboard;
