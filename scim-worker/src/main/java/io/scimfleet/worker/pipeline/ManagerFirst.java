package io.scimfleet.worker.pipeline;

import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.PayloadBuilder;
import io.scimfleet.mapping.UserTarget;
import io.scimfleet.store.DirectoryStore;
import java.util.Optional;
import java.util.Set;

/**
 * Whether to sync a user's manager before the user: the manager ({@code attributes.manager}) is in
 * the directory and in scope, and the target does not know it yet (no remote id, or deactivated
 * there). {@link ObjectSync} syncs it under its own lock, none while the user's is held, so the
 * user then goes out with {@code manager.value} = the manager's id on the target.
 */
final class ManagerFirst {
  /** Most managers synced first above one user; beyond, the user goes without for now. */
  static final int MAX_CHAIN = 20;

  private final DirectoryStore directory;

  ManagerFirst(DirectoryStore directory) {
    this.directory = directory;
  }

  /**
   * The manager of the user, as its sync read it under its lock with its manager's state, to sync
   * first, if any.
   *
   * @param chain the users waiting for their managers on this call, {@code userId} included: a
   *     manager among them is not synced first (a cycle ends), nor one beyond {@link #MAX_CHAIN}
   */
  Optional<String> of(ProviderContext ctx, UserSync.Read read, Set<String> chain) {
    if (chain.size() > MAX_CHAIN) return Optional.empty();
    return read.user()
        .map(UserTarget::managerId)
        .filter(managerId -> !chain.contains(managerId))
        .filter(managerId -> PayloadBuilder.remoteId(read.manager()) == null)
        .filter(managerId -> inScope(ctx, managerId));
  }

  private boolean inScope(ProviderContext ctx, String managerId) {
    return directory
        .user(managerId)
        .map(MappingInput::user)
        .filter(ctx.userScope()::includes)
        .isPresent();
  }
}
