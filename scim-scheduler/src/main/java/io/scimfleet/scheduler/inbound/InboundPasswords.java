package io.scimfleet.scheduler.inbound;

/**
 * Where a password that an identity provider sends with a user goes (Okta sends one when password
 * sync is on): sealed into the password store for the providers that sync passwords, or dropped
 * when the fleet keeps no passwords. Never logged.
 */
@FunctionalInterface
public interface InboundPasswords {
  void set(String userId, String password);
}
