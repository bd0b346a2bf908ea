/**
 * Shared test fixtures, shipped in the scim-api test-jar: {@link io.scimfleet.testing.TestRedis},
 * {@link io.scimfleet.testing.ScimSdkServer}, a real SCIM 2.0 server (SCIM-SDK) over HTTP or HTTPS,
 * and {@link io.scimfleet.testing.TestCertificates}, CAs and server certificates made in the test.
 */
package io.scimfleet.testing;
