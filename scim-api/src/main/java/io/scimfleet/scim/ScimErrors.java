package io.scimfleet.scim;

import io.scimfleet.scim.internal.TlsRefusals;
import io.scimfleet.target.RefusedAddressException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * The one place that turns a failed request into its {@link ScimException} subclass: from status,
 * {@code Retry-After} and body for an answer, from the {@link IOException} when none came. Every
 * text a target wrote passes through {@link #quote}: control characters become spaces, the bearer
 * token is masked even when a target echoes it back, and the text is cut at {@value #MAX_QUOTED}
 * characters, since it ends up in sync states, job messages and logs.
 */
public final class ScimErrors {
  static final int MAX_QUOTED = 200;
  private static final int MAX_TRANSPORT = 400;

  private final @Nullable String secret;
  private final Clock clock;

  public ScimErrors(@Nullable String secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  /** The error for an answer with a status other than 2xx. */
  public ScimException fromResponse(
      String method, String path, int status, @Nullable String retryAfter, String body) {
    ErrorBody parsed = ErrorBody.parse(body);
    Duration wait = RetryAfter.parse(retryAfter, clock);
    ScimError error =
        new ScimError(
            method,
            path,
            status,
            quote(parsed.scimType(), MAX_QUOTED),
            quote(parsed.detail(), MAX_QUOTED),
            wait,
            null);
    return ofStatus(error);
  }

  /** The error for a 2xx answer whose body cannot be used. */
  public MalformedResponseException malformed(
      String method, String path, int status, String why, String body) {
    String start =
        body == null || body.isBlank()
            ? "empty body"
            : "body: " + quote(ErrorBody.readable(body), MAX_QUOTED);
    String detail = redact(why + " (" + start + ")");
    return new MalformedResponseException(
        new ScimError(method, path, status, null, detail, null, null));
  }

  /** The error for an answer whose body is longer than the client reads; not retryable. */
  public MalformedResponseException tooLarge(String method, String path, int status, long limit) {
    String detail =
        "response body larger than the limit of "
            + limit
            + " bytes (SCIM_MAX_RESPONSE_BYTES); not read";
    return new MalformedResponseException(
        new ScimError(method, path, status, null, detail, null, null));
  }

  /** The error when no response came; {@code timeouts} describes the limits in force. */
  public TransportException transport(
      String method, String path, IOException cause, String timeouts) {
    String detail = quote(describe(cause, timeouts), MAX_TRANSPORT);
    boolean retryable = !(refusedCertificate(cause) || cause instanceof RefusedAddressException);
    return new TransportException(
        new ScimError(method, path, -1, null, detail, null, cause), retryable);
  }

  /**
   * The same failure (same kind, status, Retry-After and retry decision) with {@code detail} in
   * place of what the target wrote and without a cause: for a request whose answer may quote a
   * secret it carried, such as a password.
   */
  public static ScimException withDetail(ScimException e, String detail) {
    String scimType = e.scimType().filter(type -> type.matches("[A-Za-z]{1,40}")).orElse(null);
    ScimError error =
        new ScimError(
            e.method(), e.path(), e.status(), scimType, detail, e.retryAfter().orElse(null), null);
    if (e instanceof TransportException) return new TransportException(error, e.retryable());
    if (e instanceof MalformedResponseException) return new MalformedResponseException(error);
    return ofStatus(error);
  }

  /**
   * The OAuth 2.0 token endpoint at {@code url} answered {@code status} with the OAuth {@code
   * error} code and description (either may be null): {@code POST https://idp/token -> 400
   * invalid_client: Client authentication failed}. Retryable on 429 and 5xx.
   */
  public TokenEndpointException tokenRefused(
      String url, int status, @Nullable String error, @Nullable String description) {
    String detail =
        description == null || description.isBlank()
            ? "the token endpoint gave no access token"
            : quote(description, MAX_QUOTED);
    return new TokenEndpointException(
        new ScimError("POST", url, status, quote(error, MAX_QUOTED), detail, null, null),
        status == 429 || status >= 500);
  }

  /**
   * The token endpoint answered {@code status} with a body that is not a usable token response; not
   * retryable.
   */
  public TokenEndpointException tokenMalformed(String url, int status, @Nullable String why) {
    String detail = "not a usable token response: " + quote(why, MAX_QUOTED);
    return new TokenEndpointException(
        new ScimError("POST", url, status, null, detail, null, null), false);
  }

  /** No answer came from the token endpoint; retryable, except a refused certificate or address. */
  public TokenEndpointException tokenTransport(String url, IOException cause, String timeouts) {
    String detail = "token endpoint: " + quote(describe(cause, timeouts), MAX_TRANSPORT);
    boolean retryable = !(refusedCertificate(cause) || cause instanceof RefusedAddressException);
    return new TokenEndpointException(
        new ScimError("POST", url, -1, null, detail, null, cause), retryable);
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

  private static @Nullable String describe(IOException cause, String timeouts) {
    if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException)
      return "timed out (" + timeouts + ")";
    if (cause instanceof ConnectException) return "connection refused: " + cause.getMessage();
    if (cause instanceof NoRouteToHostException) return "no route to host: " + cause.getMessage();
    if (cause instanceof RefusedAddressException) return cause.getMessage();
    if (cause instanceof UnknownHostException) return "unknown host: " + cause.getMessage();
    if (refusedCertificate(cause))
      return "TLS refused: " + TlsRefusals.refusal((SSLException) cause);
    if (cause instanceof SSLException) return "TLS failure: " + cause.getMessage();
    if (cause instanceof SocketException) return "connection failed: " + cause.getMessage();
    return "I/O failure: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  /**
   * A refused certificate stays refused until someone changes it or the provider's TLS settings.
   */
  private static boolean refusedCertificate(IOException cause) {
    return cause instanceof SSLException ssl && TlsRefusals.refusal(ssl) != null;
  }

  /**
   * Text a target wrote, fit to quote: one line without control characters, the token masked, at
   * most {@code max} characters.
   */
  @Nullable String quote(@Nullable String text, int max) {
    if (text == null) return null;
    String line = redact(text.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", " ")).strip();
    return line.length() <= max ? line : line.substring(0, max) + "…";
  }

  String redact(String text) {
    if (text == null || secret == null || secret.isEmpty()) return text;
    return text.replace(secret, "***");
  }
}
