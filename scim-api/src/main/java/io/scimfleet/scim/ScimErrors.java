package io.scimfleet.scim;

import java.io.InterruptedIOException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * The one place that turns a failed request into its {@link ScimException} subclass: from status,
 * {@code Retry-After} and body for an answer, from the {@link IOException} when none came. Every
 * message passes through {@link #redact} so that the bearer token never appears in one, even when a
 * target echoes it back.
 */
public final class ScimErrors {
  private final String secret;
  private final Clock clock;

  public ScimErrors(String secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  /** The error for an answer with a status other than 2xx. */
  public ScimException fromResponse(String method, String path, int status, String retryAfter, String body) {
    ErrorBody parsed = ErrorBody.parse(body);
    Duration wait = RetryAfter.parse(retryAfter, clock);
    ScimError error = new ScimError(method, path, status, redact(parsed.scimType()), redact(parsed.detail()), wait, null);
    return ofStatus(error);
  }

  /** The error for a 2xx answer whose body cannot be used. */
  public MalformedResponseException malformed(String method, String path, int status, String why, String body) {
    String start = body == null || body.isBlank() ? "empty body" : "body: " + ErrorBody.readable(body);
    String detail = redact(why + " (" + start + ")");
    return new MalformedResponseException(new ScimError(method, path, status, null, detail, null, null));
  }

  /** The error for an answer whose body is longer than the client reads; not retryable. */
  public MalformedResponseException tooLarge(String method, String path, int status, long limit) {
    String detail = "response body larger than the limit of " + limit + " bytes (SCIM_MAX_RESPONSE_BYTES); not read";
    return new MalformedResponseException(new ScimError(method, path, status, null, detail, null, null));
  }

  /** The error when no response came; {@code timeouts} describes the limits in force. */
  public TransportException transport(String method, String path, IOException cause, String timeouts) {
    String detail = redact(describe(cause, timeouts));
    return new TransportException(new ScimError(method, path, -1, null, detail, null, cause), !(cause instanceof SSLException));
  }

  private static ScimException ofStatus(ScimError error) {
    int status = error.status();
    if (status == 400) return new BadRequestException(error);
    if (status == 401 || status == 403) return new UnauthorizedException(error);
    if (status == 404) return new NotFoundException(error);
    if (status == 409) return new ConflictException(error);
    if (status == 412) return new PreconditionFailedException(error);
    if (status == 429) return new RateLimitedException(error);
    if (status >= 500) return new ServerErrorException(error);
    return new ScimException(error);
  }

  private static String describe(IOException cause, String timeouts) {
    if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) return "timed out (" + timeouts + ")";
    if (cause instanceof ConnectException) return "connection refused: " + cause.getMessage();
    if (cause instanceof NoRouteToHostException) return "no route to host: " + cause.getMessage();
    if (cause instanceof UnknownHostException) return "unknown host: " + cause.getMessage();
    if (cause instanceof SSLException) return "TLS failure: " + cause.getMessage();
    if (cause instanceof SocketException) return "connection failed: " + cause.getMessage();
    return "I/O failure: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  String redact(String text) {
    if (text == null || secret == null || secret.isEmpty()) return text;
    return text.replace(secret, "***");
  }
}
