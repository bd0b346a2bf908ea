package io.scimfleet.job.jobrunr;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.scimfleet.config.DashboardLogin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jobrunr.dashboard.JobRunrApiHandler;
import org.jobrunr.dashboard.JobRunrSseHandler;
import org.jobrunr.dashboard.JobRunrStaticFileHandler;
import org.jobrunr.dashboard.server.HttpExchangeHandler;
import org.jobrunr.dashboard.server.http.RedirectHttpHandler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JobRunr's dashboard (its own handlers: the pages, the API, the live updates) on a JDK HTTP server
 * bound to the login's address, every route behind the {@link DashboardGuard}; without JobRunr's
 * anonymous usage reports.
 */
final class DashboardServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<HttpExchangeHandler> handlers;

  private DashboardServer(
      HttpServer server, ExecutorService executor, List<HttpExchangeHandler> handlers) {
    this.server = server;
    this.executor = executor;
    this.handlers = handlers;
  }

  /** Listens on {@code login.bind()} and {@code port} (0: any free port). */
  static DashboardServer start(
      StorageProvider storage, JsonMapper json, int port, DashboardLogin login, Clock clock) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(login.bind(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the dashboard cannot listen on " + login.bind().getHostAddress() + ":" + port, e);
    }
    List<HttpExchangeHandler> handlers =
        List.of(
            new RedirectHttpHandler("/", "/dashboard"),
            new JobRunrStaticFileHandler(),
            new JobRunrApiHandler(storage, json, false),
            new JobRunrSseHandler(storage, json));
    DashboardGuard guard =
        new DashboardGuard(new BasicLogin(login.user(), login.password()), clock);
    for (HttpExchangeHandler handler : handlers) {
      HttpContext context = server.createContext(handler.getContextPath(), handler);
      context.getFilters().add(guard);
    }
    ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.named("scim-dashboard"));
    server.setExecutor(executor);
    server.start();
    log.info(
        "JobRunr dashboard on http://{}:{}/dashboard",
        login.bind().getHostAddress(),
        server.getAddress().getPort());
    return new DashboardServer(server, executor, handlers);
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    handlers.forEach(HttpExchangeHandler::close);
    server.stop(0);
    executor.shutdownNow();
  }
}
