package io.scimfleet.store;

import java.util.List;

/** Nesting a group would make it contain itself; the message names the path, {@code a → b → a}. */
public final class GroupCycleException extends StoreException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> path;

  public GroupCycleException(List<String> path) {
    super("group nesting would make a cycle: " + String.join(" → ", path));
    this.path = List.copyOf(path);
  }

  public List<String> path() {
    return path;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
