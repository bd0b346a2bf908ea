/** The change-feed consumer: directory changes in, coalesced per-object jobs out. */
@NullMarked
package io.scimfleet.scheduler.changes;

import org.jspecify.annotations.NullMarked;
