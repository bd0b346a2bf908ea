/**
 * Property mappings: named JSONata expressions, compiled once per provider, that turn a directory
 * object into a SCIM resource. {@link io.scimfleet.mapping.Mappings} applies them in the order of
 * their names and {@link io.scimfleet.mapping.DeepMerge deep-merges} the results; {@link
 * io.scimfleet.mapping.DefaultMappings} holds the defaults and {@link
 * io.scimfleet.mapping.ScopeFilter} decides which objects a provider receives.
 */
@NullMarked
package io.scimfleet.mapping;

import org.jspecify.annotations.NullMarked;
