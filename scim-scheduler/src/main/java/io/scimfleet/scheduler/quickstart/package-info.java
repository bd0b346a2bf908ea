/**
 * The first try: {@code scim-scheduler sync --config providers.yaml --directory users.ndjson} loads
 * a directory and providers into an in-memory fleet, runs one full sync of each provider and prints
 * what happened.
 */
@NullMarked
package io.scimfleet.scheduler.quickstart;

import org.jspecify.annotations.NullMarked;
