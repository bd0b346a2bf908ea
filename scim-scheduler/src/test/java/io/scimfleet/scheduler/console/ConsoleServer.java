package io.scimfleet.scheduler.console;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.scheduler.ControlPlane;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.http.ApiServer;
import io.scimfleet.scheduler.http.ApiSettings;
import io.scimfleet.scheduler.source.InMemorySourceStore;
import io.scimfleet.scheduler.source.SourcePasswords;
import io.scimfleet.scheduler.source.SourceRegistry;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestSecurity;
import java.time.Clock;
import java.util.Map;

/**
 * The API and its console on a free port, over in-memory stores, sources and jobs; no worker and no
 * source runner.
 */
final class ConsoleServer implements AutoCloseable {
  static final String ADMIN_TOKEN = "console-admin-token-4b7e-91d2-aa03-5c6f";

  final Stores stores = Stores.inMemory();
  final JobRunrFleet jobs = JobRunrFleet.inMemory();
  final ControlPlane plane;
  final ProviderRegistry providers;
  final SourceRegistry sources;
  final ApiServer server;

  ConsoleServer(ConsoleSettings console) {
    this(console, Map.of());
  }

  /** With {@code variables} as the environment source passwords are read from. */
  ConsoleServer(ConsoleSettings console, Map<String, String> variables) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    plane = new ControlPlane(stores, jobs, new FleetMetrics(registry), Clock.systemUTC());
    providers = new ProviderRegistry(stores, plane.fullSyncs(), TestSecurity.settings());
    sources =
        new SourceRegistry(
            new InMemorySourceStore(),
            stores.directory(),
            new SourcePasswords(providers.security().secrets(), variables::get));
    server =
        ApiServer.start(
            plane,
            providers,
            sources,
            registry,
            new ApiSettings(ADMIN_TOKEN, 64 * 1024, 0).withConsole(console));
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  @Override
  public void close() {
    server.close();
    plane.close();
    jobs.close();
  }
}
