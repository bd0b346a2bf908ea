package io.scimfleet.scheduler.console;

import io.scimfleet.mapping.MappingLimits;
import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.http.Preview;
import io.scimfleet.scheduler.http.ProviderView;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.Page;
import io.scimfleet.store.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the console reads, from the same stores and registry as the API: provider summaries and
 * runs, the masked configuration, payload previews, directory searches and an object's state on
 * every provider.
 */
final class ConsoleData {
  static final int HELD_SHOWN = 10;

  /** A search by group name reads at most this many groups (there is no name index for groups). */
  static final int GROUPS_SCANNED = 10_000;

  private static final int PAGE = 500;

  private final Stores stores;
  private final ProviderRegistry registry;
  private final Preview preview;

  ConsoleData(Stores stores, ProviderRegistry registry, MappingLimits limits) {
    this.stores = stores;
    this.registry = registry;
    this.preview = new Preview(stores, new ScimSchemaValidator(), limits);
  }

  List<ProviderSummary> providers() {
    return registry.list().stream().map(this::summary).toList();
  }

  ProviderSummary provider(String name) {
    return summary(known(name));
  }

  List<FullSyncRun> runs(String name) {
    return stores.syncState().recentRuns(known(name).name());
  }

  String maskedConfiguration(String name) {
    return ProviderView.maskedJson(known(name));
  }

  Preview.Result preview(String name, ObjectType type, String id) {
    Provider provider = known(name);
    if (find(type, id).isEmpty())
      throw ConsoleException.notFound("no " + type.label() + " '" + id + "' in the directory");
    return preview.of(provider, type, id);
  }

  /** Users and groups whose id, username or group name is {@code query} (names ignore case). */
  List<ObjectRef> search(String query) {
    String q = query.strip();
    List<ObjectRef> found = new ArrayList<>();
    if (q.isEmpty()) return found;
    DirectoryStore directory = stores.directory();
    directory
        .user(q)
        .ifPresent(u -> found.add(new ObjectRef(ObjectType.USER, u.id(), u.username())));
    directory
        .userByUsername(q)
        .filter(u -> !u.id().equals(q))
        .ifPresent(u -> found.add(new ObjectRef(ObjectType.USER, u.id(), u.username())));
    directory.group(q).ifPresent(g -> found.add(new ObjectRef(ObjectType.GROUP, g.id(), g.name())));
    groupsNamed(q).stream()
        .filter(g -> !g.id().equals(q))
        .forEach(g -> found.add(new ObjectRef(ObjectType.GROUP, g.id(), g.name())));
    return found;
  }

  Optional<ObjectRef> find(ObjectType type, String id) {
    if (type == ObjectType.USER)
      return stores.directory().user(id).map(u -> new ObjectRef(type, u.id(), u.username()));
    return stores.directory().group(id).map(g -> new ObjectRef(type, g.id(), g.name()));
  }

  /** The object on every provider, in the registry's order. */
  List<ObjectOnProvider> onProviders(ObjectType type, String id) {
    return registry.list().stream().map(p -> onProvider(p, type, id)).toList();
  }

  ObjectOnProvider onProvider(String name, ObjectType type, String id) {
    return onProvider(known(name), type, id);
  }

  Provider known(String name) {
    return registry
        .get(name)
        .orElseThrow(() -> ConsoleException.notFound("no provider '" + name + "'"));
  }

  private ObjectOnProvider onProvider(Provider p, ObjectType type, String id) {
    return new ObjectOnProvider(
        p,
        stores.syncState().get(p.name(), type, id).orElse(null),
        stores.history().recent(p.name(), type, id));
  }

  private ProviderSummary summary(Provider p) {
    String name = p.name();
    long held = stores.deletions().heldCount(name);
    return new ProviderSummary(
        p,
        stores.syncState().currentRun(name).filter(FullSyncRun::running).orElse(null),
        stores.syncState().lastRun(name).orElse(null),
        stores.pendingJobs().count(name),
        stores.quarantines().get(name).orElse(null),
        held,
        held == 0 ? List.of() : stores.deletions().held(name, HELD_SHOWN));
  }

  private List<DirectoryGroup> groupsNamed(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    List<DirectoryGroup> found = new ArrayList<>();
    String cursor = null;
    for (int read = 0; read < GROUPS_SCANNED; read += PAGE) {
      Page<String> ids = stores.directory().groupIds(cursor, PAGE);
      stores.directory().groups(ids.items()).stream()
          .filter(g -> g.name() != null && g.name().toLowerCase(Locale.ROOT).equals(wanted))
          .forEach(found::add);
      if (!ids.hasNext()) break;
      cursor = ids.nextCursor();
    }
    return found;
  }
}
