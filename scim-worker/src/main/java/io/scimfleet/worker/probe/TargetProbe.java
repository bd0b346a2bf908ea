package io.scimfleet.worker.probe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.job.ProbeHandler;
import io.scimfleet.job.ProbeRequest;
import io.scimfleet.scim.Capabilities;
import io.scimfleet.scim.internal.Json;
import io.scimfleet.store.ProbeStore;
import io.scimfleet.worker.pipeline.ProviderContext;
import io.scimfleet.worker.pipeline.ProviderContexts;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a {@link ProbeRequest} with the provider's own client (its credentials, TLS, target policy,
 * rate limit) and keeps the report for {@link ProbeStore#TTL}. A probe is never retried: a second
 * run would create scratch objects again; a failure is part of the report.
 */
public final class TargetProbe implements ProbeHandler {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ProviderContexts contexts;
  private final ProbeStore reports;
  private final Clock clock;
  private final Supplier<String> suffixes;

  public TargetProbe(ProviderContexts contexts, ProbeStore reports, Clock clock) {
    this(contexts, reports, clock, TargetProbe::random);
  }

  /**
   * @param suffixes the random part of each probe's scratch names
   */
  TargetProbe(
      ProviderContexts contexts, ProbeStore reports, Clock clock, Supplier<String> suffixes) {
    this.contexts = contexts;
    this.reports = reports;
    this.clock = clock;
    this.suffixes = suffixes;
  }

  @Override
  public void run(ProbeRequest request) {
    ObjectNode report = Json.object().put("probeId", request.probeId());
    report.put("provider", request.provider()).put("startedAt", clock.instant().toString());
    try {
      Optional<ProviderContext> context = contexts.get(request.provider());
      if (context.isEmpty()) report.put("error", "provider " + request.provider() + " is gone");
      else if (context.get().provider().dryRun())
        report.put("error", "provider " + request.provider() + " is a dry run: nothing was sent");
      else describe(report, new Probe(context.get().client(), suffixes.get()));
    } catch (RuntimeException e) {
      report.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    report.put("finishedAt", clock.instant().toString());
    reports.put(request.provider(), request.probeId(), report.toString(), ProbeStore.TTL);
  }

  private static void describe(ObjectNode report, Probe probe) {
    report
        .putObject("scratch")
        .put("userName", probe.userName())
        .put("displayName", probe.displayName());
    Probe.Result result = probe.run();
    report.set("announced", announced(result.announced()));
    report.set("checks", Json.tree(result.checks()));
    Advice advice = new Advice(result.checks(), result.announced());
    report.set("switches", Json.tree(advice.switches()));
    report.set("reasons", Json.tree(advice.reasons()));
    report.set("cleanup", Json.tree(result.cleanup()));
  }

  private static ObjectNode announced(Capabilities c) {
    return Json.object()
        .put("patch", c.patch())
        .put("bulk", c.bulk().supported())
        .put("etag", c.etag())
        .put("filter", c.filter().supported());
  }

  private static String random() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
