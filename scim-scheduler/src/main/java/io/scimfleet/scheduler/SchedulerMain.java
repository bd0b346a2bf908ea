package io.scimfleet.scheduler;

import io.scimfleet.Version;
import io.scimfleet.config.FleetSettings;
import io.scimfleet.scheduler.quickstart.OneShotSync;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the scheduler process:
 *
 * <ul>
 *   <li>no argument: the scheduler (control plane, API, dashboard) on Redis;
 *   <li>{@code --all-in-one}: the same plus a worker in this JVM; in memory without REDIS_URL;
 *   <li>{@code sync --config providers.yaml --directory users.ndjson [--wait-seconds N]}: one full
 *       sync of every provider, in memory, then a summary and exit;
 *   <li>{@code --version}.
 * </ul>
 *
 * <p>It reads the environment once, here, into {@link SchedulerSettings} (the {@code sync} command:
 * {@link io.scimfleet.config.FleetSettings}); a refused value ends it with exit code 2 and a
 * message naming the variable.
 */
public final class SchedulerMain {
  /** {@link #run} started a server: the JVM keeps running until it is stopped. */
  static final int SERVING = -1;

  private static final Logger log = LoggerFactory.getLogger(SchedulerMain.class);
  private static final String USAGE =
      """
      usage: scim-scheduler                       the scheduler (needs REDIS_URL and SCIM_ADMIN_TOKEN)
             scim-scheduler --all-in-one          scheduler, API and a worker in one process
             scim-scheduler sync --config providers.yaml --directory users.ndjson [--wait-seconds N]
             scim-scheduler --version""";

  private SchedulerMain() {}

  public static void main(String[] args) {
    int code = run(args, FleetSettings.environment(), System.out, System.err);
    if (code != SERVING) System.exit(code);
  }

  /** Runs the command; returns its exit code, or {@link #SERVING} when a server was started. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    String command = args.length == 0 ? "" : args[0];
    try {
      return switch (command) {
        case "--version" -> {
          out.println("scim-scheduler " + Version.version());
          yield 0;
        }
        case "--help", "-h" -> {
          out.println(USAGE);
          yield 0;
        }
        case "sync" -> OneShotSync.run(Arrays.copyOfRange(args, 1, args.length), env, out, err);
        case "", "--all-in-one" ->
            serve(
                SchedulerSettings.fromEnv(env),
                command.isEmpty()
                    ? SchedulerProcess.Mode.SCHEDULER
                    : SchedulerProcess.Mode.ALL_IN_ONE,
                out);
        default -> {
          err.println("unknown command '" + command + "'\n" + USAGE);
          yield 2;
        }
      };
    } catch (IllegalStateException | IllegalArgumentException e) {
      err.println("scim-scheduler: " + e.getMessage());
      return 2;
    }
  }

  private static int serve(SchedulerSettings read, SchedulerProcess.Mode mode, PrintStream out) {
    FleetSettings settings = read.fleet();
    if (mode == SchedulerProcess.Mode.ALL_IN_ONE && settings.adminToken() == null) {
      String generated = generatedToken();
      settings = settings.withAdminToken(generated);
      Path file = GeneratedToken.write(generated);
      out.println(
          "SCIM_ADMIN_TOKEN is not set: this run's admin token is in "
              + file
              + " (readable by this user only; never printed or logged; set SCIM_ADMIN_TOKEN to choose your own)");
    }
    TokenRules.requireLongEnough("SCIM_ADMIN_TOKEN", settings.adminToken());
    log.info("scim-scheduler {} starting ({}): {}", Version.version(), mode, settings);
    SchedulerProcess process = SchedulerProcess.start(read.withFleet(settings), mode);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("scim-scheduler stopping");
                  process.close();
                },
                "scim-scheduler-shutdown"));
    return SERVING;
  }

  private static String generatedToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
