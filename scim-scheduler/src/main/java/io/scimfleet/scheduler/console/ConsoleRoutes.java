package io.scimfleet.scheduler.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scimfleet.model.ObjectType;
import io.scimfleet.scheduler.ControlPlane;
import io.scimfleet.scheduler.config.ProviderRegistry;
import io.scimfleet.scheduler.source.SourceRegistry;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's routes under {@code /ui/}, and the only console class that knows Javalin: it reads
 * the request, asks the session, the CSRF check and the pages, and writes the answer. Every page
 * but sign-in needs a session; every POST but sign-in needs the session's CSRF token. Each answer
 * carries a Content-Security-Policy that allows no inline script or style.
 */
public final class ConsoleRoutes {
  static final int POLL_SECONDS = 3;
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
          + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private static final Logger log = LoggerFactory.getLogger(ConsoleRoutes.class);

  private final ConsoleSettings settings;
  private final Sessions sessions;
  private final SignIn signIn;
  private final ConsoleData data;
  private final ConsoleActions actions;
  private final ConsoleSources sources;
  private final ConsoleAssets assets = ConsoleAssets.load();
  private final Clock clock;

  private ConsoleRoutes(
      ControlPlane plane,
      ProviderRegistry providers,
      SourceRegistry sources,
      String adminToken,
      ConsoleSettings settings) {
    this.settings = settings;
    this.clock = Clock.systemUTC();
    this.sessions = new Sessions(plane.stores().consoleSessions(), settings.sessionIdle());
    this.signIn = new SignIn(adminToken, sessions, clock);
    this.data = new ConsoleData(plane.stores(), providers);
    this.actions = new ConsoleActions(plane.stores(), data, plane.fullSyncs(), plane.queue());
    this.sources = new ConsoleSources(sources);
  }

  /**
   * Adds the console to the API's routes (Javalin 7 takes them before the server starts); {@code
   * sources} is the registry the API's source routes use.
   */
  public static void register(
      RoutesConfig app,
      ControlPlane plane,
      ProviderRegistry providers,
      SourceRegistry sources,
      String adminToken,
      ConsoleSettings settings) {
    new ConsoleRoutes(plane, providers, sources, adminToken, settings).routes(app);
  }

  private void routes(RoutesConfig app) {
    app.before("/ui", ConsoleRoutes::headers);
    app.before("/ui/*", ConsoleRoutes::headers);
    app.get("/ui/assets/{file}", this::asset);
    app.get("/ui/sign-in", ctx -> ctx.html(SignInPage.render(null)));
    app.post("/ui/sign-in", this::signIn);
    app.post("/ui/sign-out", ctx -> act(ctx, this::signOut));
    app.get("/ui/", ctx -> page(ctx, this::providers));
    app.get("/ui/live/providers/{name}", ctx -> page(ctx, this::providerStatus));
    app.get("/ui/live/providers/{name}/runs", ctx -> page(ctx, this::runs));
    app.get("/ui/providers/{name}", ctx -> page(ctx, this::provider));
    app.post("/ui/providers/{name}/sync", ctx -> act(ctx, this::syncProvider));
    app.post("/ui/providers/{name}/deletions/release", ctx -> act(ctx, this::release));
    app.post("/ui/providers/{name}/deletions/discard", ctx -> act(ctx, this::discard));
    app.get("/ui/sources", ctx -> page(ctx, this::sources));
    app.get("/ui/live/sources/{name}", ctx -> page(ctx, this::sourceStatus));
    app.post("/ui/sources/{name}/sync", ctx -> act(ctx, this::readSource));
    app.post("/ui/sources/{name}/deletions/release", ctx -> act(ctx, this::releaseSource));
    app.post("/ui/sources/{name}/deletions/discard", ctx -> act(ctx, this::discardSource));
    app.get("/ui/objects", ctx -> page(ctx, this::search));
    app.get("/ui/objects/{kind}/{id}", ctx -> page(ctx, this::object));
    app.get("/ui/objects/{kind}/{id}/on/{name}", ctx -> page(ctx, this::objectOn));
    app.post("/ui/objects/{kind}/{id}/sync", ctx -> act(ctx, this::syncObject));
  }

  private static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
  }

  // --- sign-in ----------------------------------------------------------------------------

  private void signIn(Context ctx) {
    SignIn.Outcome outcome = signIn.attempt(ctx.ip(), ctx.formParam("token"));
    if (outcome.session() == null) {
      ctx.status(outcome.status()).html(SignInPage.render(outcome.error()));
      return;
    }
    sessions.close(ctx.cookie(SessionCookie.NAME));
    ctx.header("Set-Cookie", SessionCookie.set(outcome.session().id(), secure(ctx)));
    redirect(ctx, "/ui/");
  }

  private @Nullable String signOut(Context ctx, Session session) {
    sessions.close(session.id());
    ctx.header("Set-Cookie", SessionCookie.clear(secure(ctx)));
    return null;
  }

  private boolean secure(Context ctx) {
    return settings.secureCookie()
        || "https".equalsIgnoreCase(ctx.scheme())
        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }

  // --- pages (GET) ------------------------------------------------------------------------

  private String providers(Context ctx, Session s) {
    return ProvidersPage.render(data.providers(), s, sessions.takeNotice(s), clock.instant());
  }

  private String providerStatus(Context ctx, Session s) {
    return ProviderStatusView.render(data.provider(ctx.pathParam("name")), s, clock.instant());
  }

  private String runs(Context ctx, Session s) {
    ProviderSummary summary = data.provider(ctx.pathParam("name"));
    return RunsTable.render(summary.running(), data.runs(summary.name()), clock.instant());
  }

  private String provider(Context ctx, Session s) {
    ProviderSummary summary = data.provider(ctx.pathParam("name"));
    String previewId = blankToNull(ctx.queryParam("preview"));
    ProviderPage.Model model =
        new ProviderPage.Model(
            summary,
            data.runs(summary.name()),
            data.maskedConfiguration(summary.name()),
            previewId,
            null,
            null);
    if (previewId != null) model = withPreview(model, summary.name(), previewId);
    return ProviderPage.render(model, s, sessions.takeNotice(s), clock.instant());
  }

  private ProviderPage.Model withPreview(ProviderPage.Model m, String name, String id) {
    try {
      var result = data.preview(name, ObjectType.USER, id);
      return new ProviderPage.Model(m.summary(), m.runs(), m.configuration(), id, result, null);
    } catch (RuntimeException e) {
      return new ProviderPage.Model(
          m.summary(), m.runs(), m.configuration(), id, null, e.getMessage());
    }
  }

  private String sources(Context ctx, Session s) {
    return SourcesPage.render(sources.all(), s, sessions.takeNotice(s));
  }

  private String sourceStatus(Context ctx, Session s) {
    return SourceStatusPanel.render(sources.one(ctx.pathParam("name")), s);
  }

  private @Nullable String search(Context ctx, Session s) {
    String query = ctx.queryParam("q");
    if (query == null) return SearchPage.render(null, java.util.List.of(), s);
    var found = data.search(query);
    if (found.size() == 1) {
      redirect(ctx, ObjectPage.path(found.get(0)));
      return null;
    }
    return SearchPage.render(query, found, s);
  }

  private String object(Context ctx, Session s) {
    ObjectRef ref = objectRef(ctx);
    return ObjectPage.render(
        ref, data.onProviders(ref.type(), ref.id()), s, sessions.takeNotice(s));
  }

  private String objectOn(Context ctx, Session s) {
    ObjectRef ref = objectRef(ctx);
    return ObjectPage.onProvider(data.onProvider(ctx.pathParam("name"), ref.type(), ref.id()));
  }

  private ObjectRef objectRef(Context ctx) {
    ObjectType type = objectType(ctx.pathParam("kind"));
    String id = ctx.pathParam("id");
    return data.find(type, id)
        .orElseThrow(
            () ->
                ConsoleException.notFound("no " + type.label() + " '" + id + "' in the directory"));
  }

  // --- actions (POST) ---------------------------------------------------------------------

  private String syncProvider(Context ctx, Session s) {
    String name = ctx.pathParam("name");
    sessions.notice(s, actions.syncNow(name, "true".equals(ctx.queryParam("force"))));
    return "/ui/providers/" + Html.url(name);
  }

  private String release(Context ctx, Session s) {
    sessions.notice(s, actions.releaseHeld(ctx.pathParam("name")));
    return "/ui/";
  }

  private String discard(Context ctx, Session s) {
    sessions.notice(s, actions.discardHeld(ctx.pathParam("name")));
    return "/ui/";
  }

  private String readSource(Context ctx, Session s) {
    sessions.notice(s, sources.readNow(ctx.pathParam("name")));
    return "/ui/sources";
  }

  private String releaseSource(Context ctx, Session s) {
    sessions.notice(s, sources.release(ctx.pathParam("name")));
    return "/ui/sources";
  }

  private String discardSource(Context ctx, Session s) {
    sessions.notice(s, sources.discard(ctx.pathParam("name")));
    return "/ui/sources";
  }

  private String syncObject(Context ctx, Session s) {
    ObjectRef ref = objectRef(ctx);
    String provider = ctx.formParam("provider");
    if (provider == null) throw new ConsoleException(400, "which provider? the form lost it");
    sessions.notice(s, actions.syncObject(provider, ref.type(), ref.id()));
    return ObjectPage.path(ref);
  }

  // --- glue -------------------------------------------------------------------------------

  /** Renders what the session may see; without a session, back to sign-in. */
  private interface View {
    @Nullable String render(Context ctx, Session session);
  }

  /** Does what the session asked and answers where to go next (null: the sign-in page). */
  private interface Action {
    @Nullable String run(Context ctx, Session session);
  }

  private void page(Context ctx, View view) {
    Optional<Session> session = sessions.find(ctx.cookie(SessionCookie.NAME));
    if (session.isEmpty()) {
      toSignIn(ctx);
      return;
    }
    try {
      String html = view.render(ctx, session.get());
      if (html != null) ctx.html(html);
    } catch (RuntimeException e) {
      refuse(ctx, e, session.get());
    }
  }

  private void act(Context ctx, Action action) {
    Optional<Session> session = sessions.find(ctx.cookie(SessionCookie.NAME));
    if (session.isEmpty()) {
      ctx.status(403).html(ErrorPage.render("Your session is over: sign in again.", null));
      return;
    }
    if (!session.get().csrfMatches(ctx.formParam("csrf"))) {
      ctx.status(403)
          .html(
              ErrorPage.render(
                  "The form's CSRF token is missing or wrong: reload the page and try again.",
                  session.get()));
      return;
    }
    try {
      String next = action.run(ctx, session.get());
      redirect(ctx, next == null ? "/ui/sign-in" : next);
    } catch (RuntimeException e) {
      refuse(ctx, e, session.get());
    }
  }

  private static void toSignIn(Context ctx) {
    if (ctx.header("HX-Request") != null) {
      ctx.header("HX-Redirect", "/ui/sign-in");
      ctx.status(204);
      return;
    }
    redirect(ctx, "/ui/sign-in");
  }

  private static void refuse(Context ctx, RuntimeException e, Session session) {
    if (e instanceof ConsoleException refused) {
      ctx.status(refused.status()).html(ErrorPage.render(refused.getMessage(), session));
      return;
    }
    log.error("{} {} failed", ctx.method(), ctx.path(), e);
    ctx.status(500).html(ErrorPage.render("Internal error: see the scheduler log.", session));
  }

  private static void redirect(Context ctx, String location) {
    ctx.status(303);
    ctx.header("Location", location);
  }

  private void asset(Context ctx) {
    ConsoleAssets.Asset asset = assets.get(ctx.pathParam("file"));
    if (asset == null) {
      ctx.status(404).result("no such asset");
      return;
    }
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.contentType(asset.contentType()).result(asset.bytes());
  }

  private static ObjectType objectType(String kind) {
    return switch (kind) {
      case "user" -> ObjectType.USER;
      case "group" -> ObjectType.GROUP;
      default -> throw ConsoleException.notFound("no object kind '" + kind + "'");
    };
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
