/** Records for directory objects, providers and their settings. */
@NullMarked
package io.scimfleet.model;

import org.jspecify.annotations.NullMarked;
