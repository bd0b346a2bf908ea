/**
 * The sync pipeline: load, scope, map, validate, diff, send and record an object, as small steps;
 * the Bulk, drift and warm-up paths beside it.
 */
@NullMarked
package io.scimfleet.worker.pipeline;

import org.jspecify.annotations.NullMarked;
