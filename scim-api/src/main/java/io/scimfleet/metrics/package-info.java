/** Metric and tag names, defined once with their descriptions. */
@NullMarked
package io.scimfleet.metrics;

import org.jspecify.annotations.NullMarked;
