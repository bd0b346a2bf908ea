/**
 * Provider secrets: where they may come from ({@link io.scimfleet.secret.SecretSources}: files
 * inside the secrets directory, variables with the target prefix, inline values sealed by {@link
 * io.scimfleet.secret.SecretBox}) and how they are encrypted at rest.
 */
@NullMarked
package io.scimfleet.secret;

import org.jspecify.annotations.NullMarked;
