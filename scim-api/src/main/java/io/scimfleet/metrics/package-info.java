/** Metric and tag names, defined once with their descriptions. */
package io.scimfleet.metrics;
