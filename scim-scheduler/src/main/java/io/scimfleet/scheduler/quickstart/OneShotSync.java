package io.scimfleet.scheduler.quickstart;

import io.scimfleet.config.FleetSettings;
import io.scimfleet.model.Credential;
import io.scimfleet.model.FullSyncRun;
import io.scimfleet.model.Provider;
import io.scimfleet.scheduler.SchedulerProcess;
import io.scimfleet.scheduler.config.ProviderConfigFile;
import io.scimfleet.scheduler.http.ImportResult;
import io.scimfleet.scheduler.http.NdjsonImport;
import io.scimfleet.secret.CredentialSecrets;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sync --config providers.yaml --directory users.ndjson [--wait-seconds N]}: an in-memory
 * all-in-one fleet (no HTTP), the directory imported, the providers applied through the same checks
 * as the API, one full sync per enabled provider, a summary per provider. Exit code 0 when every
 * run succeeded without failed objects, 1 when one failed or timed out, 2 for bad arguments or
 * files.
 */
public final class OneShotSync {
  /**
   * A dry run sends nothing, so it needs no token: this one stands in when the real one is not set.
   */
  static final String DRY_RUN_PLACEHOLDER = "dry-run-sends-nothing";

  private OneShotSync() {}

  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    SyncCommand command;
    List<Provider> providers;
    FleetSettings settings;
    try {
      command = SyncCommand.parse(args);
      settings = FleetSettings.fromEnv(env).inMemory();
      providers =
          usable(ProviderConfigFile.read(command.config(), settings.security()), settings, out);
    } catch (IllegalArgumentException e) {
      err.println("sync: " + e.getMessage());
      return 2;
    }
    try (SchedulerProcess fleet =
        SchedulerProcess.start(settings, SchedulerProcess.Mode.ONE_SHOT)) {
      importDirectory(fleet, command, out);
      providers.forEach(fleet.providers()::put);
      Map<Provider, String> runs = new LinkedHashMap<>();
      for (Provider provider : providers) {
        if (provider.enabled())
          runs.put(provider, fleet.controlPlane().fullSyncs().startNow(provider.name(), false));
        else out.println("provider " + provider.name() + " is disabled: not synced");
      }
      out.println(
          "full sync of "
              + runs.size()
              + " provider(s) started; waiting up to "
              + command.waitAtMost().toSeconds()
              + " s");
      Map<Provider, FullSyncRun> finished =
          await(fleet, runs, Instant.now().plus(command.waitAtMost()));
      finished.forEach((provider, run) -> SyncSummary.print(out, provider, run));
      return finished.values().stream().allMatch(SyncSummary::succeeded) ? 0 : 1;
    }
  }

  /** Providers that can run here; a dry-run provider whose token is not set gets a placeholder. */
  private static List<Provider> usable(
      List<Provider> providers, FleetSettings settings, PrintStream out) {
    List<Provider> usable = new ArrayList<>();
    for (Provider provider : providers) {
      Optional<String> problem = tokenProblem(provider, settings);
      if (problem.isPresent() && !provider.dryRun()) {
        throw new IllegalArgumentException(
            "provider "
                + provider.name()
                + ": "
                + problem.get()
                + "; set it, or use dryRun: true to see what would be sent");
      }
      if (problem.isPresent()) {
        out.println(
            "provider "
                + provider.name()
                + ": "
                + problem.get()
                + "; fine for a dry run, which sends nothing");
        provider = provider.withCredential(Credential.inline(DRY_RUN_PLACEHOLDER));
      }
      usable.add(provider);
    }
    return usable;
  }

  private static Optional<String> tokenProblem(Provider provider, FleetSettings settings) {
    Credential credential = provider.credential();
    try {
      CredentialSecrets.resolve(credential, settings.security().secrets(), provider.name());
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("no token (" + credential.describe() + ")");
    }
  }

  private static void importDirectory(
      SchedulerProcess fleet, SyncCommand command, PrintStream out) {
    try (Reader in = Files.newBufferedReader(command.directory(), StandardCharsets.UTF_8)) {
      ImportResult result = NdjsonImport.run(fleet.stores().directory(), in, 1 << 20);
      out.println(
          "imported "
              + result.users()
              + " users and "
              + result.groups()
              + " groups from "
              + command.directory()
              + (result.errorCount() == 0 ? "" : "; " + result.errorCount() + " line(s) refused:"));
      result
          .errors()
          .forEach(error -> out.println("  line " + error.line() + ": " + error.error()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + command.directory(), e);
    }
  }

  /** Each provider's finished run, or null for one that did not finish before the deadline. */
  private static Map<Provider, FullSyncRun> await(
      SchedulerProcess fleet, Map<Provider, String> runs, Instant deadline) {
    Map<Provider, FullSyncRun> finished = new LinkedHashMap<>();
    while (true) {
      runs.forEach(
          (provider, runId) ->
              fleet
                  .stores()
                  .syncState()
                  .lastRun(provider.name())
                  .filter(run -> run.runId().equals(runId))
                  .ifPresent(run -> finished.put(provider, run)));
      if (finished.size() == runs.size() || Instant.now().isAfter(deadline)) break;
      pause();
    }
    Map<Provider, FullSyncRun> all = new LinkedHashMap<>();
    runs.keySet().forEach(provider -> all.put(provider, finished.get(provider)));
    return all;
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the full syncs", e);
    }
  }
}
