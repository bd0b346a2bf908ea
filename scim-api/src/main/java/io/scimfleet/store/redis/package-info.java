/**
 * Redis implementations of the stores, on Jedis with a pooled {@code JedisPool}. Every key is built
 * by {@link io.scimfleet.store.redis.RedisKeys} under one prefix, so that two fleets can share one
 * Redis; every write that touches several keys is one MULTI/EXEC transaction. Jedis exceptions
 * never leave this package: they become a retryable {@link io.scimfleet.store.StoreException}.
 */
@NullMarked
package io.scimfleet.store.redis;

import org.jspecify.annotations.NullMarked;
