/**
 * Store interfaces and their in-memory implementations. Redis implementations are in {@code
 * io.scimfleet.store.redis}; both pass one contract test per store.
 */
package io.scimfleet.store;
