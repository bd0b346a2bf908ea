/**
 * Probing a target on an operator's request: scratch objects, what the fleet relies on tried one by
 * one, the profile switches that match what was seen.
 */
@NullMarked
package io.scimfleet.worker.probe;

import org.jspecify.annotations.NullMarked;
