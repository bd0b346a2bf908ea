package io.scimfleet.scheduler.console;

import io.scimfleet.scheduler.http.SourceStatusView;
import io.scimfleet.scheduler.source.Source;
import io.scimfleet.scheduler.source.SourceRegistry;
import java.util.List;

/**
 * What the Sources page reads and does, through the {@link SourceRegistry} the API's source routes
 * use: the sources with their status, a full read now, releasing or discarding held deletions. Each
 * action answers the notice the next page shows.
 */
final class ConsoleSources {
  private final SourceRegistry registry;

  ConsoleSources(SourceRegistry registry) {
    this.registry = registry;
  }

  List<SourceSummary> all() {
    return registry.list().stream().map(this::summary).toList();
  }

  SourceSummary one(String name) {
    return summary(known(name));
  }

  String readNow(String name) {
    Source source = known(name);
    if (!source.enabled())
      throw new ConsoleException(409, source.name() + " is disabled: enable it first.");
    registry.store().requestRead(source.name());
    return "Full read of " + source.name() + " requested: the scheduler reading it starts it now.";
  }

  String release(String name) {
    String source = known(name).name();
    if (registry.deletions().heldCount(source) == 0)
      throw ConsoleException.notFound(source + " holds no deletions.");
    long released = registry.deletions().release(source);
    return released + " held deletion(s) of " + source + " released: deleted from the directory.";
  }

  String discard(String name) {
    String source = known(name).name();
    long dropped = registry.deletions().discard(source, false);
    return dropped + " held deletion(s) of " + source + " discarded: the objects stay.";
  }

  private SourceSummary summary(Source source) {
    return new SourceSummary(
        source,
        SourceStatusView.of(
            source.name(),
            source.enabled(),
            registry.store().status(source.name()).orElse(null),
            registry.store()));
  }

  private Source known(String name) {
    return registry
        .get(name)
        .orElseThrow(() -> ConsoleException.notFound("no source '" + name + "'"));
  }
}
