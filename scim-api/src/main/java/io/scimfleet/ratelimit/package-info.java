/** Per-provider rate limits (Bucket4j token buckets), in memory or fleet-wide in Redis. */
@NullMarked
package io.scimfleet.ratelimit;

import org.jspecify.annotations.NullMarked;
