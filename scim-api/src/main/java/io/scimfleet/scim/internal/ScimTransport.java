package io.scimfleet.scim.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.Version;
import io.scimfleet.scim.Authorization;
import io.scimfleet.scim.RequestGate;
import io.scimfleet.scim.RequestListener;
import io.scimfleet.scim.ScimErrors;
import io.scimfleet.scim.ScimException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a SCIM request is sent: sets the headers every request carries, enforces the total
 * timeout, reads the response (up to {@link ClientSettings#maxResponseBytes()}), tells the
 * listener, and turns any failure into a {@link ScimException} through {@link ScimErrors}. Logs
 * method, path, status and time; never a header value or a body.
 */
public final class ScimTransport implements AutoCloseable {
  static final String SCIM_JSON = "application/scim+json";
  private static final ContentType BODY_TYPE =
      ContentType.create(SCIM_JSON, StandardCharsets.UTF_8);
  private static final Logger LOG = LoggerFactory.getLogger(ScimTransport.class);

  private final String base;
  private final Authorization authorization;
  private final ClientSettings settings;
  private final RequestListener listener;
  private final RequestGate gate;
  private final ScimErrors errors;
  private final CloseableHttpClient http;
  private final ScheduledExecutorService deadlines;
  private final Runnable unbindPoolMetrics;
  private final AtomicInteger inFlight = new AtomicInteger();

  public ScimTransport(
      URI baseUrl,
      Authorization authorization,
      ClientSettings settings,
      RequestListener listener,
      RequestGate gate,
      ScimErrors errors,
      PoolMetrics poolMetrics) {
    this.base = stripTrailingSlash(baseUrl.toString());
    this.authorization = authorization;
    this.settings = settings;
    this.listener = listener;
    this.gate = gate;
    this.errors = errors;
    PoolingHttpClientConnectionManager pool = HttpClients.pool(settings);
    this.http = HttpClients.create(settings, pool);
    this.unbindPoolMetrics = poolMetrics.bind(pool);
    this.deadlines = Executors.newSingleThreadScheduledExecutor(Daemon::thread);
  }

  /**
   * Sends the call; returns a 2xx answer or throws the mapped {@link ScimException}. A 401 is sent
   * once more when the {@link Authorization} can offer a fresh header.
   */
  public Answer send(Call call) {
    inFlight.incrementAndGet();
    try {
      String header = authorization.header();
      Answer answer = sendOnce(call, header);
      if (answer.status() == 401 && authorization.invalidate(header))
        answer = sendOnce(call, authorization.header());
      if (answer.status() >= 200 && answer.status() < 300) return answer;
      throw errors.fromResponse(
          call.method(), call.path(), answer.status(), answer.retryAfter(), answer.body());
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private Answer sendOnce(Call call, @Nullable String header) {
    gate.beforeRequest(call.method(), call.endpointLabel());
    long started = System.nanoTime();
    Answer answer = execute(call, header, started);
    report(call, answer.status(), started);
    return answer;
  }

  /** Requests sent (or waiting at the gate) and not yet answered. */
  public int inFlight() {
    return inFlight.get();
  }

  /** Sends the call and reads its body as a JSON object; a 2xx without one is malformed. */
  public ObjectNode sendForObject(Call call) {
    Answer answer = send(call);
    return object(call, answer);
  }

  public ObjectNode object(Call call, Answer answer) {
    JsonNode json = json(call, answer);
    if (json instanceof ObjectNode object) return object;
    throw errors.malformed(
        call.method(), call.path(), answer.status(), "expected a JSON object", answer.body());
  }

  /** The body as JSON of any shape; a body that is not JSON is malformed. */
  public JsonNode json(Call call, Answer answer) {
    JsonNode json = parse(answer.body());
    if (json != null) return json;
    throw errors.malformed(
        call.method(), call.path(), answer.status(), "expected JSON", answer.body());
  }

  public ScimErrors errors() {
    return errors;
  }

  private Answer execute(Call call, @Nullable String header, long started) {
    HttpUriRequestBase request = request(call, header);
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> expire(request, expired),
            settings.totalTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      return http.execute(request, this::read);
    } catch (BoundedBody.TooLarge e) {
      report(call, e.status, started);
      throw errors.tooLarge(call.method(), call.path(), e.status, e.limit);
    } catch (IOException e) {
      report(call, -1, started);
      throw errors.transport(
          call.method(),
          call.path(),
          expired.get() ? totalTimeout(e) : e,
          settings.describeTimeouts());
    } finally {
      deadline.cancel(false);
    }
  }

  private static void expire(HttpUriRequestBase request, AtomicBoolean expired) {
    expired.set(true);
    request.cancel();
  }

  private IOException totalTimeout(IOException cause) {
    SocketTimeoutException timeout =
        new SocketTimeoutException(
            "total timeout of " + settings.totalTimeout().toMillis() + " ms exceeded");
    timeout.initCause(cause);
    return timeout;
  }

  private HttpUriRequestBase request(Call call, @Nullable String authorization) {
    String query = call.query() == null ? "" : "?" + call.query();
    HttpUriRequestBase request =
        new HttpUriRequestBase(call.method(), URI.create(base + call.path() + query));
    request.setHeader("Accept", SCIM_JSON);
    request.setHeader("User-Agent", Version.userAgent());
    if (authorization != null) request.setHeader("Authorization", authorization);
    if (call.ifMatch() != null) request.setHeader("If-Match", call.ifMatch());
    if (call.body() != null) request.setEntity(new StringEntity(call.body().toString(), BODY_TYPE));
    return request;
  }

  private Answer read(ClassicHttpResponse response) throws IOException {
    HttpEntity entity = response.getEntity();
    String body = BoundedBody.read(entity, response.getCode(), settings.maxResponseBytes());
    String contentType = entity == null ? null : entity.getContentType();
    return new Answer(
        response.getCode(),
        body,
        header(response, "ETag"),
        header(response, "Retry-After"),
        contentType);
  }

  private static @Nullable String header(ClassicHttpResponse response, String name) {
    Header header = response.getFirstHeader(name);
    return header == null ? null : header.getValue();
  }

  private void report(Call call, int status, long started) {
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    LOG.debug("{} {} -> {} in {} ms", call.method(), call.path(), status, took.toMillis());
    try {
      listener.onRequest(call.method(), call.endpointLabel(), status, took);
    } catch (RuntimeException e) {
      LOG.warn("request listener failed; ignoring it", e);
    }
  }

  private static @Nullable JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? stripTrailingSlash(url.substring(0, url.length() - 1)) : url;
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    unbindPoolMetrics.run();
    try {
      http.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
