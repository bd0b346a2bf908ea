/** Tests of the SCIM client: against a real SCIM-SDK server, and against WireMock for faults. */
package io.scimfleet.scim;
