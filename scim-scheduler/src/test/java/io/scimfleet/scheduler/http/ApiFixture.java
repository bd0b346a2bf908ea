package io.scimfleet.scheduler.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimfleet.config.ImportLimits;
import io.scimfleet.config.SecuritySettings;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.scheduler.ControlPlane;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.source.InMemorySourceStore;
import io.scimfleet.scheduler.source.SourcePasswords;
import io.scimfleet.scheduler.source.SourceRegistry;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestSecurity;
import java.time.Clock;
import java.util.Map;

/**
 * The API on a free port over the given stores and an in-memory job system; no worker, no consumer.
 * Security: {@link TestSecurity}'s key, and by default no readable secrets directory.
 */
final class ApiFixture implements AutoCloseable {
  static final String ADMIN_TOKEN = "test-admin-token-5f2c-9a0b-4c1d-8e2f";
  static final long MAX_BODY_BYTES = 64 * 1024;
  static final String DIRECTORY_TOKEN = "test-directory-token-9d1e";

  final Stores stores;
  final JobRunrFleet jobs = JobRunrFleet.inMemory();
  final ControlPlane plane;
  final ApiServer server;
  final ApiClient api;
  final ApiClient anonymous;
  final SourceRegistry sources;

  ApiFixture(Stores stores) {
    this(stores, TestSecurity.settings());
  }

  ApiFixture(Stores stores, SecuritySettings security) {
    this(stores, security, ImportLimits.defaults());
  }

  ApiFixture(Stores stores, SecuritySettings security, ImportLimits imports) {
    this.stores = stores;
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.plane = new ControlPlane(stores, jobs, new FleetMetrics(registry), Clock.systemUTC());
    jobs.bindMetrics(registry);
    this.sources =
        new SourceRegistry(
            new InMemorySourceStore(),
            stores.directory(),
            new SourcePasswords(security.secrets(), Map.of("SCIM_SOURCE_CORP", "pw")::get));
    this.server =
        ApiServer.start(
            plane,
            new ProviderRegistry(stores, plane.fullSyncs(), security),
            sources,
            registry,
            new ApiSettings(ADMIN_TOKEN, DIRECTORY_TOKEN, MAX_BODY_BYTES, 0).withImports(imports));
    this.api = new ApiClient(server.port(), ADMIN_TOKEN);
    this.anonymous = new ApiClient(server.port(), null);
  }

  static ApiFixture inMemory() {
    return new ApiFixture(Stores.inMemory());
  }

  @Override
  public void close() {
    server.close();
    plane.close();
    jobs.close();
  }
}
