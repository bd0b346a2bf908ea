/**
 * Identity sources the fleet reads itself (an LDAP server or Active Directory): their settings
 * ({@link io.scimfleet.scheduler.source.Source}), store, registry, the runner that reads them on
 * one scheduler (a Redis lease), the writes into the fleet's directory with the source-side
 * deletion guard, and the ownership that keeps REST and inbound SCIM writes off their objects.
 * {@code source.ldap} holds the LDAP protocol side.
 */
@NullMarked
package io.scimfleet.scheduler.source;

import org.jspecify.annotations.NullMarked;
