/** The root of the fleet's one error hierarchy. */
@NullMarked
package io.scimfleet.error;

import org.jspecify.annotations.NullMarked;
