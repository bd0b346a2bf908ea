package io.scimfleet.scheduler.inbound;

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

/**
 * The scheduler's API with the inbound SCIM endpoint on a free port, over the given stores; an
 * in-memory job system, no worker. {@link #scim} carries the inbound token.
 */
final class InboundFixture implements AutoCloseable {
  static final String ADMIN_TOKEN = "test-admin-token-inbound-5f2c";
  static final String TOKEN = "test-inbound-token-71ab";
  static final String NEXT_TOKEN = "test-inbound-token-rotated-c03d";
  static final long MAX_BODY_BYTES = 64 * 1024;

  final Stores stores;
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final JobRunrFleet jobs = JobRunrFleet.inMemory();
  final ControlPlane plane;
  final ApiServer server;
  final ScimCalls scim;
  final SourceRegistry sources;
  private boolean ownsStores;

  InboundFixture(Stores stores, InboundSettings inbound) {
    this.stores = stores;
    this.plane = new ControlPlane(stores, jobs, new FleetMetrics(registry), Clock.systemUTC());
    this.sources =
        new SourceRegistry(
            new InMemorySourceStore(),
            stores.directory(),
            new SourcePasswords(TestSecurity.settings().secrets(), name -> null));
    this.server =
        ApiServer.start(
            plane,
            new ProviderRegistry(stores, plane.fullSyncs(), TestSecurity.settings()),
            sources,
            registry,
            new ApiSettings(ADMIN_TOKEN, null, MAX_BODY_BYTES, 0).withInbound(inbound));
    this.scim = new ScimCalls(server.port(), TOKEN);
  }

  static InboundFixture inMemory() {
    return new InboundFixture(
        Stores.inMemory(), InboundSettings.withTokens(TOKEN, NEXT_TOKEN).withRate(10_000));
  }

  /** This fixture closes its stores too when it closes (they were made for it alone). */
  InboundFixture owningItsStores() {
    ownsStores = true;
    return this;
  }

  @Override
  public void close() {
    server.close();
    plane.close();
    jobs.close();
    if (ownsStores) stores.close();
  }
}
