/**
 * The jobs the scheduler enqueues and the worker handles, and {@link io.scimfleet.job.JobQueue}, our
 * seam to the job system. Request records carry no lambdas: JobRunr resolves each request's handler
 * interface through the worker's job activator.
 */
package io.scimfleet.job;
