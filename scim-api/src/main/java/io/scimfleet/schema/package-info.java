/**
 * Validation of mapped resources against the SCIM schemas this library bundles (RFC 7643 core User,
 * Group and the Enterprise User extension, as JSON Schema 2020-12), before anything is sent.
 */
@NullMarked
package io.scimfleet.schema;

import org.jspecify.annotations.NullMarked;
