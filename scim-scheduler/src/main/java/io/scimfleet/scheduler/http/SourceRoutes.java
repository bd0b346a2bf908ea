package io.scimfleet.scheduler.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scimfleet.scheduler.source.Source;
import io.scimfleet.scheduler.source.SourceRegistry;
import io.scimfleet.scheduler.source.SourceRequest;
import java.io.IOException;
import java.util.Map;

/**
 * Sources under {@code /api/v1/sources}: settings, status, a full read now, and the deletions their
 * guard holds ({@code POST …/deletions/release} deletes them, {@code DELETE …/deletions} drops
 * them).
 */
final class SourceRoutes {
  private static final String ONE = "/api/v1/sources/{name}";

  private final SourceRegistry registry;
  private final ApiJson json;

  SourceRoutes(SourceRegistry registry, ApiJson json) {
    this.registry = registry;
    this.json = json;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/sources", this::list);
    routes.put(ONE, this::put);
    routes.get(ONE, ctx -> ApiJson.write(ctx, 200, SourceView.of(source(ctx))));
    routes.delete(ONE, this::delete);
    routes.get(ONE + "/status", this::status);
    routes.post(ONE + "/sync", this::sync);
    routes.post(ONE + "/deletions/release", this::release);
    routes.delete(ONE + "/deletions", this::discard);
  }

  /**
   * The sources' settings; with {@code ?status=true} each with its status (one call for a console).
   */
  private void list(Context ctx) {
    if (!Boolean.parseBoolean(ctx.queryParam("status"))) {
      ApiJson.write(ctx, 200, registry.list().stream().map(SourceView::of).toList());
      return;
    }
    ApiJson.write(
        ctx,
        200,
        registry.list().stream()
            .map(
                source ->
                    new SourceWithStatus(
                        SourceView.of(source),
                        SourceStatusView.of(
                            source.name(),
                            source.enabled(),
                            registry.store().status(source.name()).orElse(null),
                            registry.store())))
            .toList());
  }

  /** One entry of {@code GET /api/v1/sources?status=true}. */
  record SourceWithStatus(SourceView source, SourceStatusView status) {}

  private void put(Context ctx) throws IOException {
    Source source = registry.put(ctx.pathParam("name"), json.read(ctx, SourceRequest.class));
    ApiJson.write(ctx, 200, SourceView.of(source));
  }

  private void delete(Context ctx) {
    String name = ctx.pathParam("name");
    if (!registry.delete(name)) throw unknown(name);
    ctx.status(204);
  }

  private void status(Context ctx) {
    String name = ctx.pathParam("name");
    Source source = registry.get(name).orElse(null);
    if (source == null && registry.deletions().heldCount(name) == 0) throw unknown(name);
    ApiJson.write(
        ctx,
        200,
        SourceStatusView.of(
            name,
            source == null ? null : source.enabled(),
            registry.store().status(name).orElse(null),
            registry.store()));
  }

  private void sync(Context ctx) {
    Source source = source(ctx);
    if (!source.enabled())
      throw new ApiException(
          409, "source '" + source.name() + "' is disabled: set \"enabled\": true first");
    registry.store().requestRead(source.name());
    ApiJson.write(ctx, 202, Map.of("requested", "full read", "source", source.name()));
  }

  private void release(Context ctx) {
    String name = ctx.pathParam("name");
    if (registry.deletions().heldCount(name) == 0)
      throw ApiException.notFound("source '" + name + "' holds no deletions");
    ApiJson.write(ctx, 200, Map.of("released", registry.deletions().release(name)));
  }

  private void discard(Context ctx) {
    String name = ctx.pathParam("name");
    boolean removed = registry.get(name).isEmpty();
    if (removed && registry.deletions().heldCount(name) == 0) throw unknown(name);
    ApiJson.write(ctx, 200, Map.of("dropped", registry.deletions().discard(name, removed)));
  }

  private Source source(Context ctx) {
    String name = ctx.pathParam("name");
    return registry.get(name).orElseThrow(() -> unknown(name));
  }

  private static ApiException unknown(String name) {
    return ApiException.notFound("no source '" + name + "'");
  }
}
