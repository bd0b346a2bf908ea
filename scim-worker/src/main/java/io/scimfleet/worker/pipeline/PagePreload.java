package io.scimfleet.worker.pipeline;

import io.scimfleet.mapping.PayloadBuilder;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.Stores;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A page's users, their sync states, their managers' sync states and which of them have a new
 * password waiting for the provider, read in a round trip each, so that the unchanged ones cost no
 * lock and no further read. (Groups are not preloaded: their payload needs their members' states.)
 *
 * @param managers the sync states of the users' managers, by the managers' directory ids
 */
public record PagePreload(
    Map<String, DirectoryUser> users,
    Map<String, ObjectSyncState> states,
    Map<String, ObjectSyncState> managers,
    Set<String> passwordsWaiting) {
  public static final PagePreload NONE = new PagePreload(Map.of(), Map.of(), Map.of(), Set.of());

  /**
   * A forced page's preload: only which users have a new password waiting. A forced page sends
   * every object and reads each one again under its lock (in Bulk or one by one), so users and
   * states read here would go unused.
   *
   * @param syncPasswords the provider delivers passwords: read which users have one waiting
   */
  public static PagePreload forced(
      Stores stores, String provider, ObjectType type, List<String> ids, boolean syncPasswords) {
    if (type != ObjectType.USER || !syncPasswords) return NONE;
    return new PagePreload(Map.of(), Map.of(), Map.of(), stores.passwords().waiting(ids, provider));
  }

  /** For a provider that does not sync passwords. */
  public static PagePreload load(
      Stores stores, String provider, ObjectType type, List<String> ids) {
    return load(stores, provider, type, ids, false);
  }

  /**
   * The page's users, their states and, when the provider delivers passwords, which users have one
   * waiting.
   *
   * @param syncPasswords the provider delivers passwords: read which users have one waiting
   */
  public static PagePreload load(
      Stores stores, String provider, ObjectType type, List<String> ids, boolean syncPasswords) {
    if (type != ObjectType.USER) return NONE;
    Map<String, DirectoryUser> users =
        stores.directory().users(ids).stream()
            .collect(Collectors.toMap(DirectoryUser::id, Function.identity()));
    Set<String> waiting = syncPasswords ? stores.passwords().waiting(ids, provider) : Set.of();
    Set<String> managerIds = PayloadBuilder.managerIds(users.values());
    Map<String, ObjectSyncState> managers =
        managerIds.isEmpty() ? Map.of() : stores.syncState().getAll(provider, type, managerIds);
    return new PagePreload(
        users, stores.syncState().getAll(provider, type, ids), managers, waiting);
  }
}
