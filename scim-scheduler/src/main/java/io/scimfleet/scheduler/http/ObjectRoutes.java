package io.scimfleet.scheduler.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.SyncObjectRequest;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.model.SyncAttempt;
import io.scimfleet.model.SyncTrigger;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One object on one provider: its history ({@code GET …/objects/{kind}/{id}/history}) and sync-now
 * ({@code POST …/objects/{kind}/{id}/sync}). Sync-now enqueues the object's job, forced and marked
 * manual, through the same pipeline as a change, and waits up to {@link #WAIT} for the attempt to
 * appear in the history: 200 with it, else 202 with the history's address.
 */
final class ObjectRoutes {
  static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * Worker clocks may lag this one a little: an attempt this much older than the request still
   * counts.
   */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(2);

  private static final String OBJECT = "/api/v1/providers/{name}/objects/{kind}/{id}";

  private final Stores stores;
  private final ProviderRegistry registry;
  private final JobQueue queue;
  private final Clock clock;

  ObjectRoutes(Stores stores, ProviderRegistry registry, JobQueue queue, Clock clock) {
    this.stores = stores;
    this.registry = registry;
    this.queue = queue;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get(OBJECT + "/history", this::history);
    routes.post(OBJECT + "/sync", this::syncNow);
  }

  private void history(Context ctx) {
    Provider provider = provider(ctx);
    ObjectType type = ProviderRoutes.objectType(ctx.pathParam("kind"));
    ApiJson.write(ctx, 200, stores.history().recent(provider.name(), type, ctx.pathParam("id")));
  }

  private void syncNow(Context ctx) {
    Provider provider = provider(ctx);
    ObjectType type = ProviderRoutes.objectType(ctx.pathParam("kind"));
    String id = ctx.pathParam("id");
    if (!inDirectory(type, id))
      throw ApiException.notFound("no " + type.label() + " '" + id + "' in the directory");
    if (!provider.enabled()) {
      throw new ApiException(
          409, "provider '" + provider.name() + "' is disabled: set \"enabled\": true first");
    }
    Set<SyncAttempt> before = new HashSet<>(stores.history().recent(provider.name(), type, id));
    Instant asked = clock.instant();
    queue.enqueue(SyncObjectRequest.manual(provider.name(), type, id));
    Optional<SyncAttempt> attempt = awaitAttempt(provider.name(), type, id, before, asked);
    if (attempt.isPresent()) {
      ApiJson.write(ctx, 200, attempt.get());
      return;
    }
    String history =
        "/api/v1/providers/"
            + provider.name()
            + "/objects/"
            + type.endpoint().toLowerCase(Locale.ROOT)
            + "/"
            + id
            + "/history";
    ctx.header("Location", history);
    ApiJson.write(ctx, 202, Map.of("status", "queued", "history", history));
  }

  private boolean inDirectory(ObjectType type, String id) {
    return type == ObjectType.USER
        ? stores.directory().user(id).isPresent()
        : stores.directory().group(id).isPresent();
  }

  /**
   * The first manual attempt that was not in the history before and began after the request, within
   * {@link #WAIT}.
   */
  private Optional<SyncAttempt> awaitAttempt(
      String provider, ObjectType type, String id, Set<SyncAttempt> before, Instant asked) {
    Instant deadline = clock.instant().plus(WAIT);
    Instant earliest = asked.minus(CLOCK_SKEW);
    while (true) {
      Optional<SyncAttempt> found =
          oldestNew(stores.history().recent(provider, type, id), before, earliest);
      if (found.isPresent() || !clock.instant().isBefore(deadline)) return found;
      pause();
    }
  }

  private static Optional<SyncAttempt> oldestNew(
      List<SyncAttempt> newestFirst, Set<SyncAttempt> before, Instant earliest) {
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      SyncAttempt a = newestFirst.get(i);
      if (a.trigger() == SyncTrigger.MANUAL && !a.time().isBefore(earliest) && !before.contains(a))
        return Optional.of(a);
    }
    return Optional.empty();
  }

  /** Sync-now polls the object's history for its attempt (bounded by the 10 s answer time). */
  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "interrupted while waiting for the sync");
    }
  }

  private Provider provider(Context ctx) {
    String name = ctx.pathParam("name");
    return registry
        .get(name)
        .orElseThrow(() -> ApiException.notFound("no provider '" + name + "'"));
  }
}
