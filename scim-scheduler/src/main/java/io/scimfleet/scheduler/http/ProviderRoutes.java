package io.scimfleet.scheduler.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scimfleet.job.FullSyncStarts;
import io.scimfleet.mapping.MappingLimits;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.model.Quarantine;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.config.ProviderRequest;
import io.scimfleet.scheduler.sync.FullSyncScheduling;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.Stores;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Providers: settings, full syncs, status, per-object sync state and previews, under {@code
 * /api/v1/providers}.
 */
final class ProviderRoutes {
  private static final String ONE = "/api/v1/providers/{name}";

  private final Stores stores;
  private final ProviderRegistry registry;
  private final FullSyncScheduling fullSyncs;
  private final Preview preview;
  private final ApiJson json;
  private final PlanRoutes plans;

  ProviderRoutes(
      Stores stores,
      ProviderRegistry registry,
      FullSyncScheduling fullSyncs,
      ApiJson json,
      MappingLimits limits) {
    this.stores = stores;
    this.registry = registry;
    this.fullSyncs = fullSyncs;
    this.preview = new Preview(stores, new ScimSchemaValidator(), limits);
    this.json = json;
    this.plans = new PlanRoutes(stores, registry, fullSyncs, json, limits);
  }

  void register(RoutesConfig routes) {
    routes.get(
        "/api/v1/providers",
        ctx -> ApiJson.write(ctx, 200, registry.list().stream().map(ProviderView::of).toList()));
    routes.put(ONE, this::put);
    plans.register(routes);
    routes.get(ONE, ctx -> ApiJson.write(ctx, 200, ProviderView.of(provider(ctx))));
    routes.delete(ONE, this::delete);
    routes.post(ONE + "/sync", this::sync);
    routes.get(ONE + "/status", this::status);
    routes.delete(ONE + "/quarantine", this::release);
    routes.get(ONE + "/objects/{kind}/{id}", this::object);
    routes.post(ONE + "/preview", this::preview);
  }

  private void put(Context ctx) throws IOException {
    String name = ctx.pathParam("name");
    ProviderRequest request = json.read(ctx, ProviderRequest.class);
    String ifPlan = ctx.queryParam("ifPlan");
    Provider provider =
        ifPlan == null ? registry.put(name, request) : plans.applyPlanned(name, request, ifPlan);
    ApiJson.write(ctx, 200, ProviderView.of(provider));
  }

  private void delete(Context ctx) {
    if (!registry.delete(ctx.pathParam("name"))) throw unknown(ctx.pathParam("name"));
    ctx.status(204);
  }

  private void sync(Context ctx) {
    Provider provider = provider(ctx);
    if (!provider.enabled()) {
      throw new ApiException(
          409, "provider '" + provider.name() + "' is disabled: set \"enabled\": true first");
    }
    boolean force = Boolean.parseBoolean(ctx.queryParam("force"));
    String drift = ctx.queryParam("drift");
    if (drift != null && !drift.equals("full")) {
      throw new ApiException(
          400,
          "drift must be 'full' (the run's drift check reads the whole target), not '"
              + drift
              + "'; leave it out for the usual check (full on driftCheckCron, else what changed)");
    }
    if (drift != null) stores.syncState().requestFullDriftCheck(provider.name(), Instant.now());
    FullSyncStarts.Asked asked = fullSyncs.ask(provider.name(), force);
    ApiJson.write(
        ctx,
        202,
        asked.queued()
            ? Map.of(
                "runId", asked.runId(),
                "queued", true,
                "queuedAfter", asked.queuedAfter(),
                "force", asked.force())
            : Map.of("runId", asked.runId(), "queued", false, "force", asked.force()));
  }

  private void status(Context ctx) {
    String name = provider(ctx).name();
    FullSyncRun current =
        stores.syncState().currentRun(name).filter(FullSyncRun::running).orElse(null);
    FullSyncRun last = stores.syncState().lastRun(name).orElse(null);
    long pending = stores.pendingJobs().count(name);
    Quarantine quarantine = stores.quarantines().get(name).orElse(null);
    boolean paused = quarantine != null && quarantine.pausing(Instant.now());
    ApiJson.write(
        ctx,
        200,
        new ProviderStatus(
            current != null,
            current,
            stores.syncState().followUp(name).orElse(null),
            last,
            pending,
            paused,
            quarantine,
            DeletionsHeld.of(stores.deletions(), name),
            DriftStatus.of(stores.syncState().driftMarks(name))));
  }

  /** An operator lifts a quarantine (the token was replaced, the target is back). */
  private void release(Context ctx) {
    String name = provider(ctx).name();
    if (!stores.quarantines().release(name))
      throw ApiException.notFound("provider '" + name + "' is not quarantined");
    ctx.status(204);
  }

  private void object(Context ctx) {
    String name = provider(ctx).name();
    ObjectType type = objectType(ctx.pathParam("kind"));
    String id = ctx.pathParam("id");
    ApiJson.write(
        ctx,
        200,
        stores
            .syncState()
            .get(name, type, id)
            .map(ObjectStateView::of)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no sync state for "
                            + type.label()
                            + " '"
                            + id
                            + "' on provider '"
                            + name
                            + "': it was never synced there")));
  }

  private void preview(Context ctx) throws IOException {
    Provider provider = provider(ctx);
    PreviewRequest request = json.read(ctx, PreviewRequest.class);
    if (request.type() == null)
      throw ApiException.badRequest("type is required: \"user\" or \"group\"");
    ObjectType type = objectType(request.type());
    ApiJson.write(
        ctx, 200, preview.of(provider, type, Ids.require(type.label() + " id", request.id())));
  }

  private Provider provider(Context ctx) {
    String name = ctx.pathParam("name");
    return registry.get(name).orElseThrow(() -> unknown(name));
  }

  static ObjectType objectType(String kind) {
    return switch (kind) {
      case "user", "users" -> ObjectType.USER;
      case "group", "groups" -> ObjectType.GROUP;
      default ->
          throw ApiException.badRequest("object type must be users or groups, not '" + kind + "'");
    };
  }

  private static ApiException unknown(String name) {
    return ApiException.notFound("no provider '" + name + "'");
  }
}
