package io.scimfleet.scheduler.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimfleet.scheduler.ControlPlane;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.console.ConsoleRoutes;
import io.scimfleet.scheduler.inbound.InboundRoutes;
import io.scimfleet.scheduler.source.InMemorySourceStore;
import io.scimfleet.scheduler.source.SourceOwnedDirectory;
import io.scimfleet.scheduler.source.SourcePasswords;
import io.scimfleet.scheduler.source.SourceRegistry;
import io.scimfleet.store.DirectoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The control-plane API on one port. {@code /api/*} needs the admin token, or on the directory
 * routes the directory token ({@link ApiAuth}); {@code /health/live}, {@code /health/ready} and
 * {@code /metrics} do not (probes and Prometheus scrape them). {@code /scim/v2} is the inbound SCIM
 * endpoint, with tokens of its own ({@link InboundRoutes}). {@code /ui/} is the admin console,
 * signed in with the admin token ({@link ConsoleRoutes}).
 */
public final class ApiServer implements AutoCloseable {
  private final Javalin app;

  private ApiServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts the API on the settings' port (0: any free port).
   *
   * @throws IllegalArgumentException when no admin token is given: the API never runs open
   */
  public static ApiServer start(
      ControlPlane plane,
      ProviderRegistry providers,
      PrometheusMeterRegistry registry,
      ApiSettings settings) {
    SourceRegistry sources =
        new SourceRegistry(
            new InMemorySourceStore(),
            plane.stores().directory(),
            new SourcePasswords(
                providers.security().secrets(), providers.security().secrets().variables()));
    return start(plane, providers, sources, registry, settings);
  }

  /**
   * As above, with the sources' settings in {@code sources}; the directory routes, the import and
   * inbound SCIM refuse writes to the objects a source owns (409).
   */
  public static ApiServer start(
      ControlPlane plane,
      ProviderRegistry providers,
      SourceRegistry sources,
      PrometheusMeterRegistry registry,
      ApiSettings settings) {
    DirectoryStore directory = new SourceOwnedDirectory(plane.stores().directory(), sources);
    ApiAuth auth = new ApiAuth(settings.adminToken(), settings.directoryToken());
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.startupWatcherEnabled = false;
              config.jetty.threadPool = ApiThreads.pool();
              config.jetty.modifyServletContextHandler(
                  handler -> handler.setSessionHandler(new NoSessions()));
              config.routes.before("/api/*", auth::require);
              register(config.routes, plane, providers, sources, directory, registry, settings);
            });
    app.start(settings.port());
    return new ApiServer(app);
  }

  /** Javalin 7 takes every route, handler and error mapping before the server starts. */
  private static void register(
      RoutesConfig routes,
      ControlPlane plane,
      ProviderRegistry providers,
      SourceRegistry sources,
      DirectoryStore directory,
      PrometheusMeterRegistry registry,
      ApiSettings settings) {
    long maxBodyBytes = settings.maxBodyBytes();
    ApiJson json = new ApiJson(maxBodyBytes);
    PasswordChanges passwords = new PasswordChanges(plane.stores(), providers.security());
    ApiErrors.register(routes);
    routes.get("/api/v1/openapi.json", ApiServer::openApi);
    new DirectoryRoutes(directory, json, passwords).register(routes);
    InboundRoutes.register(
        routes, settings.inbound(), directory, passwords::setIfKept, registry, maxBodyBytes);
    new ImportRoutes(directory, maxBodyBytes, settings.imports(), passwords).register(routes);
    new ProviderRoutes(plane.stores(), providers, plane.fullSyncs(), json, plane.mappingLimits())
        .register(routes);
    new SourceRoutes(sources, json).register(routes);
    new DeletionRoutes(plane.stores().deletions(), providers, plane.queue()).register(routes);
    new ObjectRoutes(plane.stores(), providers, plane.queue(), Clock.systemUTC()).register(routes);
    new ReceiptRoutes(plane.stores()).register(routes);
    new ProbeRoutes(plane.stores().probes(), providers, plane.queue()).register(routes);
    ConsoleRoutes.register(
        routes, plane, providers, sources, settings.adminToken(), settings.console());
    routes.get("/health/live", ctx -> health(ctx, plane.alive()));
    routes.get("/health/ready", ctx -> ready(ctx, plane));
    routes.get("/metrics", ctx -> metrics(ctx, registry));
  }

  public int port() {
    return app.port();
  }

  /** Jetty's threads: {@link ApiThreads}. */
  org.eclipse.jetty.util.thread.ThreadPool threadPool() {
    return app.jettyServer().server().getThreadPool();
  }

  /** The servlet session handler in Jetty's chain: {@link NoSessions}. */
  SessionHandler sessionHandler() {
    return app.jettyServer().server().getDescendant(SessionHandler.class);
  }

  /**
   * Javalin puts a servlet {@link SessionHandler} in front of every route (Jetty cannot leave it
   * out of a servlet context once it has one), and it looks for a session in every request: it
   * wraps the request and resolves a requested session id from its cookies and URL. Nothing here
   * uses servlet sessions (the console keeps its own: {@code console.Sessions}, a cookie and the
   * store), so this one passes each request straight on.
   */
  static final class NoSessions extends SessionHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      Handler next = getHandler();
      return next != null && next.handle(request, response, callback);
    }
  }

  private static void ready(Context ctx, ControlPlane plane) {
    boolean up;
    try {
      plane.stores().directory().version();
      up = plane.ready();
    } catch (RuntimeException e) {
      up = false;
    }
    health(ctx, up);
  }

  private static void metrics(Context ctx, PrometheusMeterRegistry registry) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
  }

  private static void health(Context ctx, boolean up) {
    ApiJson.write(ctx, up ? 200 : 503, Map.of("status", up ? "up" : "down"));
  }

  private static void openApi(Context ctx) throws IOException {
    try (InputStream in = ApiServer.class.getResourceAsStream("openapi.json")) {
      if (in == null) throw new IllegalStateException("openapi.json is missing from the build");
      ctx.contentType("application/json").result(in.readAllBytes());
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
