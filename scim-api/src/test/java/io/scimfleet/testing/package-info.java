/**
 * Shared test fixtures, shipped in the scim-api test-jar: {@link io.scimfleet.testing.TestRedis} and
 * {@link io.scimfleet.testing.ScimSdkServer}, a real SCIM 2.0 server (SCIM-SDK) over HTTP.
 */
package io.scimfleet.testing;
