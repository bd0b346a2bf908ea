/**
 * Store interfaces and their in-memory implementations. Redis implementations are in {@code
 * io.scimfleet.store.redis}; both pass one contract test per store.
 */
@NullMarked
package io.scimfleet.store;

import org.jspecify.annotations.NullMarked;
