package io.scimfleet.store;

/**
 * A write that must keep usernames unique names one that another user holds already (compared
 * ignoring case); nothing was written.
 */
public final class UsernameTakenException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String holderId;

  public UsernameTakenException(String username, String holderId) {
    super("userName '" + username + "' is taken by user '" + holderId + "'");
    this.holderId = holderId;
  }

  /** The id of the user that holds the username. */
  public String holderId() {
    return holderId;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
