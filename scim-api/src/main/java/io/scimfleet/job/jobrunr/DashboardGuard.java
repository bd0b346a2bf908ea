package io.scimfleet.job.jobrunr;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * In front of every dashboard route: a locked-out client gets 429 with {@code Retry-After}, a
 * request without the login 401, and the rest goes to JobRunr's handler through a {@link
 * NoCorsExchange}.
 */
final class DashboardGuard extends Filter {
  private final BasicLogin login;
  private final LoginLockout lockout;

  DashboardGuard(BasicLogin login, Clock clock) {
    this.login = login;
    this.lockout = new LoginLockout(clock);
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    String client = exchange.getRemoteAddress().getAddress().getHostAddress();
    Optional<Duration> locked = lockout.lockedFor(client);
    if (locked.isPresent()) {
      exchange
          .getResponseHeaders()
          .set("Retry-After", String.valueOf(Math.max(1, locked.get().toSeconds() + 1)));
      refuse(exchange, 429);
      return;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (!login.matches(header)) {
      if (BasicLogin.offered(header)) lockout.failed(client);
      exchange
          .getResponseHeaders()
          .set("WWW-Authenticate", "Basic realm=\"scim-fleet dashboard\", charset=\"UTF-8\"");
      refuse(exchange, 401);
      return;
    }
    lockout.succeeded(client);
    chain.doFilter(new NoCorsExchange(exchange));
  }

  private static void refuse(HttpExchange exchange, int status) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(status, -1);
    }
  }

  @Override
  public String description() {
    return "dashboard login, lockout and no CORS";
  }
}
