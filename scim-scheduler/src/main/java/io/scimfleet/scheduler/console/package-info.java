/**
 * The admin console at {@code /ui/}: server-rendered HTML pages over the same services as the
 * control-plane API (providers, runs, held deletions, objects, LDAP sources), with sign-in by the
 * admin token, a server-side session and a CSRF token on every form. {@link
 * io.scimfleet.scheduler.console.ConsoleRoutes} is the only class that knows the web framework; the
 * pages are plain classes that return HTML, every value passing through {@link
 * io.scimfleet.scheduler.console.Html#escape}. docs/console.md describes it.
 */
@NullMarked
package io.scimfleet.scheduler.console;

import org.jspecify.annotations.NullMarked;
