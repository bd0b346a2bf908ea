/**
 * Which targets the fleet may send to: {@link io.scimfleet.target.TargetPolicy} checks a base URL
 * when a provider is saved and every resolved address when a worker connects.
 */
@NullMarked
package io.scimfleet.target;

import org.jspecify.annotations.NullMarked;
