package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.scimfleet.error.FleetException;
import io.scimfleet.mapping.MappingException;
import io.scimfleet.mapping.MappingLimitException;
import io.scimfleet.scheduler.source.SourceOwnedException;
import io.scimfleet.schema.ValidationException;
import io.scimfleet.store.GroupCycleException;
import io.scimfleet.store.UnknownMemberException;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become responses: {@code {"error": "..."}} with a 4xx status for what the
 * caller can fix, 503 when a store is unreachable, 500 otherwise. Request bodies are never logged
 * (provider bodies hold tokens); only 5xx are logged, with the method and path: a 503 (a store
 * unreachable, e.g. during a Redis fail-over) as one WARN line, a 500 with its stack trace.
 */
final class ApiErrors {
  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  static void register(RoutesConfig routes) {
    routes.exception(Exception.class, (e, ctx) -> answer(ctx, e));
    routes.error(
        404,
        ctx -> {
          if (ctx.attribute("answered") == null)
            error(ctx, 404, "no route " + ctx.method() + " " + ctx.path());
        });
  }

  static void error(Context ctx, int status, String message) {
    ctx.attribute("answered", true);
    ApiJson.write(ctx, status, Map.of("error", message));
  }

  private static void answer(Context ctx, Exception e) {
    int status = status(e);
    if (status == 503) log.warn("{} {}: 503, {}", ctx.method(), ctx.path(), message(e));
    else if (status >= 500) log.error("{} {} failed", ctx.method(), ctx.path(), e);
    error(ctx, status, status == 500 ? "internal error: see the scheduler log" : message(e));
  }

  private static int status(Exception e) {
    if (e instanceof ApiException api) return api.status();
    if (e instanceof HttpResponseException http) return http.getStatus();
    if (e instanceof SourceOwnedException) return 409;
    if (e instanceof UnknownMemberException
        || e instanceof GroupCycleException
        || e instanceof ValidationException) return 422;
    if (e instanceof MappingLimitException) return 422;
    if (e instanceof MappingException || e instanceof IllegalArgumentException) return 400;
    if (e instanceof JsonProcessingException) return 400;
    if (e instanceof FleetException fleet) return fleet.retryable() ? 503 : 400;
    return 500;
  }

  static String message(Exception e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field '"
          + path(unknown)
          + "'; known fields: "
          + unknown.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
    }
    if (e instanceof JsonMappingException mapping) {
      String path = path(mapping);
      return (path.isEmpty() ? "" : "field '" + path + "': ") + mapping.getOriginalMessage();
    }
    if (e instanceof JsonProcessingException json)
      return "malformed JSON: " + json.getOriginalMessage();
    if (e instanceof FleetException fleet && fleet.retryable())
      return "store unavailable, try again: " + e.getMessage();
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** {@code userMappings[0].name}. */
  static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null)
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      else if (ref.getIndex() >= 0) path.append('[').append(ref.getIndex()).append(']');
    }
    return path.toString();
  }
}
