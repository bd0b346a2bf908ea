/**
 * The SCIM 2.0 client (RFC 7644): {@link io.scimfleet.scim.ScimClient} and its builder, the request
 * values it takes ({@link io.scimfleet.scim.Filter}, {@link io.scimfleet.scim.PatchRequest}, {@link
 * io.scimfleet.scim.SearchRequest}, {@link io.scimfleet.scim.BulkOperation}), what it returns, what
 * the target said about itself ({@link io.scimfleet.scim.Capabilities}), and one error class per
 * kind of failure, all made by {@link io.scimfleet.scim.ScimErrors}.
 */
@NullMarked
package io.scimfleet.scim;

import org.jspecify.annotations.NullMarked;
