package io.scimfleet.worker.pipeline;

import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.Stores;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A page's users and their sync states, read in two round trips, so that the unchanged ones cost no
 * lock and no further read. (Groups are not preloaded: their payload needs their members' states.)
 */
public record PagePreload(Map<String, DirectoryUser> users, Map<String, ObjectSyncState> states) {
  public static final PagePreload NONE = new PagePreload(Map.of(), Map.of());

  public static PagePreload load(
      Stores stores, String provider, ObjectType type, List<String> ids) {
    if (type != ObjectType.USER) return NONE;
    Map<String, DirectoryUser> users =
        stores.directory().users(ids).stream()
            .collect(Collectors.toMap(DirectoryUser::id, Function.identity()));
    return new PagePreload(users, stores.syncState().getAll(provider, type, ids));
  }
}
