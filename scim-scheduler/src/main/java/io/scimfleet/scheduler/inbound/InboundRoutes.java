package io.scimfleet.scheduler.inbound;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.response.ErrorResponse;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.MeterRegistry;
import io.scimfleet.store.DirectoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /scim/v2} on the API's port: the bearer check (401), the per-token rate limit (429 with
 * Retry-After), the body cap (413), then the SCIM-SDK endpoint; every answer is {@code
 * application/scim+json}, errors with a SCIM error body, and is counted in {@link InboundMetrics}.
 * Without a configured token nothing is registered: {@code /scim/v2} answers 404.
 */
public final class InboundRoutes {
  static final String BASE = "/scim/v2";
  private static final Logger log = LoggerFactory.getLogger(InboundRoutes.class);

  /** The attribute that tells the API's 404 handler that this answer stands (see ApiErrors). */
  private static final String ANSWERED = "answered";

  private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
  private static final String SCIM_JSON = "application/scim+json; charset=utf-8";
  private static final Set<String> RESOURCES =
      Set.of("Users", "Groups", "Bulk", "ServiceProviderConfig", "ResourceTypes", "Schemas");

  private final InboundTokens tokens;
  private final InboundEndpoint endpoint;
  private final InboundMetrics metrics;
  private final long maxBodyBytes;

  private InboundRoutes(
      InboundSettings settings, InboundEndpoint endpoint, MeterRegistry registry, long maxBody) {
    this.tokens = new InboundTokens(settings);
    this.endpoint = endpoint;
    this.metrics = new InboundMetrics(registry);
    this.maxBodyBytes = maxBody;
  }

  /**
   * Registers the endpoint on {@code app} (the API's routes) when {@code settings} has a token;
   * else logs how to.
   */
  public static void register(
      RoutesConfig app,
      InboundSettings settings,
      DirectoryStore directory,
      InboundPasswords passwords,
      MeterRegistry registry,
      long maxBodyBytes) {
    if (!settings.enabled()) {
      log.info(InboundSettings.HOW_TO_ENABLE);
      return;
    }
    InboundEndpoint endpoint = new InboundEndpoint(directory, passwords, settings, maxBodyBytes);
    InboundRoutes routes = new InboundRoutes(settings, endpoint, registry, maxBodyBytes);
    for (HandlerType type :
        List.of(
            HandlerType.GET,
            HandlerType.POST,
            HandlerType.PUT,
            HandlerType.PATCH,
            HandlerType.DELETE)) {
      app.addHttpHandler(type, BASE, routes::handle);
      app.addHttpHandler(type, BASE + "/*", routes::handle);
    }
    log.info(
        "inbound SCIM endpoint on {} ({} token(s), {} requests/s each)",
        BASE,
        settings.tokens().size(),
        settings.requestsPerSecond());
  }

  private void handle(Context ctx) throws IOException {
    long started = System.nanoTime();
    int status = 500;
    try {
      status = answer(ctx);
    } finally {
      metrics.record(
          resourceOf(ctx.path()),
          ctx.method().name(),
          status,
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private int answer(Context ctx) throws IOException {
    OptionalInt token = tokens.match(ctx.header("Authorization"));
    if (token.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer");
      return error(
          ctx, 401, "missing or wrong token: send 'Authorization: Bearer <SCIM_INBOUND_TOKEN>'");
    }
    Duration wait = tokens.take(token.getAsInt());
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      ctx.header("Retry-After", Long.toString(seconds));
      return error(ctx, 429, "too many requests for this token: retry after " + seconds + " s");
    }
    byte[] body = boundedBody(ctx);
    if (body == null)
      return error(ctx, 413, "the request body is larger than " + maxBodyBytes + " bytes");
    HttpMethod method = HttpMethod.valueOf(ctx.method().name());
    String text = body.length == 0 ? null : new String(body, StandardCharsets.UTF_8);
    Optional<String> refusal = endpoint.refusal(resourceOf(ctx.path()), method, text);
    if (refusal.isPresent()) return error(ctx, 400, "invalidSyntax", refusal.get());
    if (method == HttpMethod.PATCH) text = PatchQuirks.normalise(text);
    return send(ctx, endpoint.handle(url(ctx), method, text, headers(ctx)));
  }

  /**
   * The SDK's answer; a 400 to a filtered read without a {@code scimType} is the filter's fault
   * (the SDK names none): {@code invalidFilter}.
   */
  private static int send(Context ctx, ScimResponse response) {
    int status = response.getHttpStatus();
    if (response instanceof ErrorResponse error
        && status == 400
        && error.getScimType().isEmpty()
        && ctx.queryParam("filter") != null) {
      error.setScimType(ScimType.RFC7644.INVALID_FILTER);
    }
    response.getHttpHeaders().forEach(ctx::header);
    ctx.attribute(ANSWERED, true);
    ctx.status(status).contentType(SCIM_JSON);
    if (status != 204) ctx.result(response.toString());
    return status;
  }

  private byte @Nullable [] boundedBody(Context ctx) throws IOException {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      return body.length > maxBodyBytes ? null : body;
    }
  }

  private static int error(Context ctx, int status, String detail) {
    return error(ctx, status, null, detail);
  }

  private static int error(Context ctx, int status, @Nullable String scimType, String detail) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("schemas").add(ERROR_SCHEMA);
    body.put("status", Integer.toString(status));
    if (scimType != null) body.put("scimType", scimType);
    body.put("detail", detail);
    ctx.attribute(ANSWERED, true);
    ctx.status(status).contentType(SCIM_JSON).result(body.toString());
    return status;
  }

  /** The request URL as the client used it, with the raw query. */
  private static String url(Context ctx) {
    String query = ctx.queryString();
    return ctx.scheme() + "://" + ctx.host() + ctx.path() + (query == null ? "" : "?" + query);
  }

  private static Map<String, String> headers(Context ctx) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(ctx.headerMap());
    return headers;
  }

  /** The first path segment after {@code /scim/v2}, when it is one of ours; else "other". */
  static String resourceOf(String path) {
    String rest = path.length() > BASE.length() ? path.substring(BASE.length() + 1) : "";
    int slash = rest.indexOf('/');
    String first = slash < 0 ? rest : rest.substring(0, slash);
    for (String resource : RESOURCES) {
      if (resource.toLowerCase(Locale.ROOT).equals(first.toLowerCase(Locale.ROOT))) return resource;
    }
    return "other";
  }
}
