/**
 * HttpClient 5 wiring behind {@link io.scimfleet.scim.ScimClient}: the connection pool and TLS, the
 * one place a request is sent, discovery with its cache, paging and bulk splitting. Not an API.
 */
@NullMarked
package io.scimfleet.scim.internal;

import org.jspecify.annotations.NullMarked;
