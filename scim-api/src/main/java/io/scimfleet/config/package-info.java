/** Process settings read from the environment. */
@NullMarked
package io.scimfleet.config;

import org.jspecify.annotations.NullMarked;
