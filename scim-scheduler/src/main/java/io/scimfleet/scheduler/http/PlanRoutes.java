package io.scimfleet.scheduler.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scimfleet.mapping.MappingLimits;
import io.scimfleet.model.Provider;
import io.scimfleet.scheduler.config.ProviderConversion;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.config.ProviderRequest;
import io.scimfleet.scheduler.sync.FullSyncScheduling;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.Stores;
import java.io.IOException;
import java.util.Optional;

/**
 * Plan before apply: {@code POST /api/v1/providers/{name}/plan} with the body of a PUT answers what
 * the settings would do ({@link Planner}), writing nothing; {@code PUT …?ifPlan=<planId>} ({@link
 * #applyPlanned}) stores them only while neither the directory nor the stored settings changed
 * since, and the body is the planned one.
 */
final class PlanRoutes {
  private final Stores stores;
  private final ProviderRegistry registry;
  private final FullSyncScheduling fullSyncs;
  private final Planner planner;
  private final ApiJson json;

  PlanRoutes(
      Stores stores,
      ProviderRegistry registry,
      FullSyncScheduling fullSyncs,
      ApiJson json,
      MappingLimits limits) {
    this.stores = stores;
    this.registry = registry;
    this.fullSyncs = fullSyncs;
    this.planner = new Planner(stores, new ScimSchemaValidator(), limits);
    this.json = json;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/v1/providers/{name}/plan", this::plan);
  }

  private void plan(Context ctx) throws IOException {
    if (Boolean.parseBoolean(ctx.queryParam("readTarget"))) {
      throw ApiException.badRequest(
          "readTarget=true is not available yet: a plan compares with the sync states only;"
              + " leave readTarget out");
    }
    String name = ctx.pathParam("name");
    Provider proposed = proposed(name, json.read(ctx, ProviderRequest.class));
    ApiJson.write(ctx, 200, planner.plan(proposed, stores.providers().get(name)));
  }

  /**
   * Stores the settings when {@code planId} is still their plan: 409 otherwise, saying what
   * changed. The stored settings are replaced by a compare-and-set.
   */
  Provider applyPlanned(String name, ProviderRequest request, String planId) {
    Provider proposed = proposed(name, request);
    Optional<Provider> current = stores.providers().get(name);
    long version = stores.directory().version();
    if (!PlanId.of(proposed, current, version).equals(planId)) throw stale(name, planId, version);
    if (current.isEmpty()) {
      registry.put(proposed);
    } else if (stores.providers().replace(current.get(), proposed)) {
      fullSyncs.apply(proposed);
    } else {
      throw stale(name, planId, version);
    }
    return proposed;
  }

  private Provider proposed(String name, ProviderRequest request) {
    return ProviderConversion.toProvider(name, request, registry.security());
  }

  private static ApiException stale(String name, String planId, long version) {
    long planned = PlanId.directoryVersion(planId);
    String what =
        planned < 0
            ? "'" + planId + "' is not a plan id"
            : planned != version
                ? "the directory changed since the plan (version "
                    + planned
                    + " then, "
                    + version
                    + " now)"
                : "the provider's stored settings changed since the plan, or this body is not"
                    + " the one planned";
    return new ApiException(
        409,
        "not applied: "
            + what
            + ". POST /api/v1/providers/"
            + name
            + "/plan with this body again, review it, and PUT with its new planId");
  }
}
