/**
 * The SCIM fleet's shared library: what the scheduler and the worker both use. It starts nothing.
 */
@NullMarked
package io.scimfleet;

import org.jspecify.annotations.NullMarked;
