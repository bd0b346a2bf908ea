/** Per-provider rate limits (Bucket4j token buckets), in memory or fleet-wide in Redis. */
package io.scimfleet.ratelimit;
