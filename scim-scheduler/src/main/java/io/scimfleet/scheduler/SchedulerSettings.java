package io.scimfleet.scheduler;

import io.scimfleet.config.DashboardLogin;
import io.scimfleet.config.FleetSettings;
import io.scimfleet.scheduler.console.ConsoleSettings;
import io.scimfleet.scheduler.inbound.InboundSettings;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the scheduler process reads of its environment, read once by {@link SchedulerMain}
 * before anything starts: the {@link FleetSettings} it shares with the workers (an all-in-one
 * scheduler's embedded worker included) and its own, for what it serves. README, "Configuration",
 * lists every variable.
 *
 * @param fleet the settings both processes share
 * @param dashboard the JobRunr dashboard's login; null: the dashboard stays off
 * @param inbound the inbound SCIM endpoint's tokens and limits; off without a token
 * @param console the admin console's sessions
 */
public record SchedulerSettings(
    FleetSettings fleet,
    @Nullable DashboardLogin dashboard,
    InboundSettings inbound,
    ConsoleSettings console) {

  /**
   * The settings {@code env} gives.
   *
   * @throws IllegalArgumentException naming the first variable whose value is refused, and what it
   *     accepts
   */
  public static SchedulerSettings fromEnv(Map<String, String> env) {
    return new SchedulerSettings(
        FleetSettings.fromEnv(env),
        DashboardLogin.fromEnv(env),
        InboundSettings.fromEnv(env),
        ConsoleSettings.fromEnv(env));
  }

  /** The same settings with these shared ones (all-in-one may generate an admin token). */
  public SchedulerSettings withFleet(FleetSettings value) {
    return new SchedulerSettings(value, dashboard, inbound, console);
  }
}
