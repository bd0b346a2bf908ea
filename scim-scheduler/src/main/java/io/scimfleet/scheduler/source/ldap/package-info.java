/**
 * The LDAP side of a source, on the UnboundID LDAP SDK: connecting (fail-over, LDAPS, StartTLS, a
 * CA bundle), binding, paged searches (RFC 2696) and turning entries into directory users and
 * groups.
 */
@NullMarked
package io.scimfleet.scheduler.source.ldap;

import org.jspecify.annotations.NullMarked;
