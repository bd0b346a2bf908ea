/** The change-feed consumer: directory changes in, coalesced per-object jobs out. */
package io.scimfleet.scheduler.changes;
