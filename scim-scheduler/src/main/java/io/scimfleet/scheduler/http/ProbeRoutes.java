package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scimfleet.job.JobQueue;
import io.scimfleet.job.ProbeRequest;
import io.scimfleet.model.Provider;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scim.internal.Json;
import io.scimfleet.store.ProbeStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Probing a provider's target ({@code POST /api/v1/providers/{name}/probe}): the scheduler never
 * talks to targets, so the probe runs as a job on a worker, which keeps its report in the {@link
 * ProbeStore}. The route waits up to {@link #WAIT} for it: 200 with the report, else 202 with its
 * address ({@code GET …/probe/{probeId}}). Only this route starts a probe.
 */
final class ProbeRoutes {
  static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Pattern PROBE_ID = Pattern.compile("[0-9a-f-]{36}");
  private static final String PROBE = "/api/v1/providers/{name}/probe";

  private final ProbeStore reports;
  private final ProviderRegistry registry;
  private final JobQueue queue;

  ProbeRoutes(ProbeStore reports, ProviderRegistry registry, JobQueue queue) {
    this.reports = reports;
    this.registry = registry;
    this.queue = queue;
  }

  void register(RoutesConfig routes) {
    routes.post(PROBE, this::probe);
    routes.get(PROBE + "/{probeId}", this::report);
  }

  private void probe(Context ctx) {
    Provider provider = provider(ctx);
    if (provider.dryRun()) {
      throw new ApiException(
          409,
          "provider '"
              + provider.name()
              + "' is a dry run, which sends nothing: set \"dryRun\":"
              + " false to probe its target");
    }
    String probeId = UUID.randomUUID().toString();
    queue.enqueue(new ProbeRequest(provider.name(), probeId));
    Optional<String> report = await(provider.name(), probeId);
    if (report.isPresent()) {
      ApiJson.write(ctx, 200, parsed(report.get()));
      return;
    }
    String address = "/api/v1/providers/" + provider.name() + "/probe/" + probeId;
    ctx.header("Location", address);
    ApiJson.write(ctx, 202, Map.of("status", "queued", "probeId", probeId, "report", address));
  }

  private void report(Context ctx) {
    Provider provider = provider(ctx);
    String probeId = ctx.pathParam("probeId");
    if (!PROBE_ID.matcher(probeId).matches())
      throw ApiException.notFound("no probe '" + probeId + "': a probe id is a UUID");
    String report =
        reports
            .get(provider.name(), probeId)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no report of probe '"
                            + probeId
                            + "' yet: it is still running, or its report expired (kept "
                            + ProbeStore.TTL.toMinutes()
                            + " minutes)"));
    ApiJson.write(ctx, 200, parsed(report));
  }

  private Optional<String> await(String provider, String probeId) {
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      Optional<String> report = reports.get(provider, probeId);
      if (report.isPresent() || !Instant.now().isBefore(deadline)) return report;
      try {
        // the report is written by a worker in another process: polling its key is the only signal
        // the API has, and the wait is bounded by WAIT (then 202 with where to fetch it)
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiException(503, "interrupted while waiting for the probe");
      }
    }
  }

  private static JsonNode parsed(String report) {
    try {
      return Json.MAPPER.readTree(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a probe report is not JSON", e);
    }
  }

  private Provider provider(Context ctx) {
    String name = ctx.pathParam("name");
    return registry
        .get(name)
        .orElseThrow(() -> ApiException.notFound("no provider '" + name + "'"));
  }
}
