package io.scimfleet.scheduler.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.ReleaseDeletionsRequest;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.store.DeletionStore;
import java.util.Map;

/**
 * The removals a provider's deletion guard holds: {@code POST …/deletions/release} has a worker
 * send them, {@code DELETE …/deletions} drops them (the next full sync's clean-up decides again).
 */
final class DeletionRoutes {
  private static final String DELETIONS = "/api/v1/providers/{name}/deletions";

  private final DeletionStore deletions;
  private final ProviderRegistry registry;
  private final JobQueue queue;

  DeletionRoutes(DeletionStore deletions, ProviderRegistry registry, JobQueue queue) {
    this.deletions = deletions;
    this.registry = registry;
    this.queue = queue;
  }

  void register(RoutesConfig routes) {
    routes.post(DELETIONS + "/release", this::release);
    routes.delete(DELETIONS, this::drop);
  }

  private void release(Context ctx) {
    String name = provider(ctx);
    long held = deletions.heldCount(name);
    if (held == 0) throw ApiException.notFound("provider '" + name + "' holds no deletions");
    queue.enqueue(new ReleaseDeletionsRequest(name));
    ApiJson.write(ctx, 202, Map.of("released", held));
  }

  private void drop(Context ctx) {
    String name = provider(ctx);
    ApiJson.write(ctx, 200, Map.of("dropped", deletions.dropHeld(name)));
  }

  private String provider(Context ctx) {
    String name = ctx.pathParam("name");
    return registry
        .get(name)
        .orElseThrow(() -> ApiException.notFound("no provider '" + name + "'"))
        .name();
  }
}
