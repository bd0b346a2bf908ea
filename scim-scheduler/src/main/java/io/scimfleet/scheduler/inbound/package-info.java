/**
 * The inbound SCIM 2.0 endpoint ({@code /scim/v2}): identity providers (Entra ID, Okta, authentik,
 * ...) push users and groups here, and every write lands in the same directory store and change
 * feed as the REST API. Filter parsing, PATCH, ETags, Bulk and the discovery endpoints are the
 * SCIM-SDK server's ({@code de.captaingoldfish:scim-sdk-server}); this package holds the bearer
 * check and rate limit, the mapping between SCIM resources and directory objects, and the
 * normalising of what real clients send.
 */
@NullMarked
package io.scimfleet.scheduler.inbound;

import org.jspecify.annotations.NullMarked;
