package io.scimfleet.scheduler.console;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimfleet.job.jobrunr.JobRunrFleet;
import io.scimfleet.metrics.FleetMetrics;
import io.scimfleet.scheduler.ControlPlane;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.http.ApiServer;
import io.scimfleet.scheduler.http.ApiSettings;
import io.scimfleet.store.Stores;
import io.scimfleet.testing.TestSecurity;
import java.time.Clock;

/** The API and its console on a free port, over in-memory stores and jobs; no worker. */
final class ConsoleServer implements AutoCloseable {
  static final String ADMIN_TOKEN = "console-admin-token-4b7e-91d2-aa03-5c6f";

  final Stores stores = Stores.inMemory();
  final JobRunrFleet jobs = JobRunrFleet.inMemory();
  final ControlPlane plane;
  final ProviderRegistry providers;
  final ApiServer server;

  ConsoleServer(ConsoleSettings console) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    plane = new ControlPlane(stores, jobs, new FleetMetrics(registry), Clock.systemUTC());
    providers = new ProviderRegistry(stores, plane.fullSyncs(), TestSecurity.settings());
    server =
        ApiServer.start(
            plane,
            providers,
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
