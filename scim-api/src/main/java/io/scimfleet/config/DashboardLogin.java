package io.scimfleet.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Basic-auth login of the JobRunr dashboard: {@code SCIM_DASHBOARD_USER} with {@code
 * SCIM_DASHBOARD_PASSWORD} or {@code SCIM_DASHBOARD_PASSWORD_FILE}, and the address it listens on,
 * {@code SCIM_DASHBOARD_BIND} ({@value #DEFAULT_BIND} unless set: reach it with {@code kubectl
 * port-forward} or set {@code 0.0.0.0}). Without a login the dashboard does not start. The password
 * is kept out of {@link #toString()}.
 */
public record DashboardLogin(String user, String password, InetAddress bind) {
  public static final String DEFAULT_BIND = "127.0.0.1";

  /** How to turn the dashboard on, for the log line of a process that starts without it. */
  public static final String HOW_TO_ENABLE =
      "the JobRunr dashboard is off: set SCIM_DASHBOARD_USER and "
          + "SCIM_DASHBOARD_PASSWORD (or SCIM_DASHBOARD_PASSWORD_FILE) to turn it on, behind Basic authentication";

  public DashboardLogin {
    if (user == null || user.isBlank() || password == null || password.isBlank()) {
      throw new IllegalArgumentException("the dashboard login needs a user and a password");
    }
    if (user.contains(":"))
      throw new IllegalArgumentException("SCIM_DASHBOARD_USER must not contain ':'");
    if (bind == null) bind = address(DEFAULT_BIND);
  }

  /** On {@value #DEFAULT_BIND}. */
  public DashboardLogin(String user, String password) {
    this(user, password, address(DEFAULT_BIND));
  }

  /** The login the environment sets; null when it sets none (the dashboard stays off). */
  public static @Nullable DashboardLogin fromEnv(Map<String, String> env) {
    String user = blankToNull(env.get("SCIM_DASHBOARD_USER"));
    String password = blankToNull(env.get("SCIM_DASHBOARD_PASSWORD"));
    String file = blankToNull(env.get("SCIM_DASHBOARD_PASSWORD_FILE"));
    if (password == null && file != null) password = read(file);
    if (user == null && password == null) return null;
    if (user == null)
      throw new IllegalArgumentException(
          "SCIM_DASHBOARD_PASSWORD is set but SCIM_DASHBOARD_USER is not");
    if (password == null) {
      throw new IllegalArgumentException(
          "SCIM_DASHBOARD_USER is set but neither SCIM_DASHBOARD_PASSWORD nor "
              + "SCIM_DASHBOARD_PASSWORD_FILE (or the file is empty)");
    }
    String bind = blankToNull(env.get("SCIM_DASHBOARD_BIND"));
    return new DashboardLogin(
        user, password, bind == null ? address(DEFAULT_BIND) : address(bind.strip()));
  }

  /** An IP address, never a name to look up. */
  private static InetAddress address(String text) {
    if (!text.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
      throw new IllegalArgumentException(
          "SCIM_DASHBOARD_BIND must be an IP address (127.0.0.1, 0.0.0.0, ::), not '" + text + "'");
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "SCIM_DASHBOARD_BIND must be an IP address (127.0.0.1, 0.0.0.0, ::), not '" + text + "'");
    }
  }

  private static @Nullable String read(String file) {
    try {
      return blankToNull(Files.readString(Path.of(file)).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SCIM_DASHBOARD_PASSWORD_FILE " + file, e);
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    return "DashboardLogin[user=" + user + ", bind=" + bind.getHostAddress() + "]";
  }
}
