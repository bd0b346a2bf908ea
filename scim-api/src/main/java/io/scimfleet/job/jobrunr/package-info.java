/** The seam to JobRunr 7.5: storage, queue, job server, dashboard and metrics. Nothing else imports JobRunr's scheduling. */
package io.scimfleet.job.jobrunr;
