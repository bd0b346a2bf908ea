/**
 * The job handlers, one per job request type (an object, a batch, a full sync and its pages), and
 * what they share: a provider's job slots in this process, its health checked once per job, retries
 * and the full-sync flow.
 */
@NullMarked
package io.scimfleet.worker.handler;

import org.jspecify.annotations.NullMarked;
