package io.scimfleet.scim.internal;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.scimfleet.Version;
import io.scimfleet.scim.Authorization;
import io.scimfleet.scim.OAuth2Grant;
import io.scimfleet.scim.ScimErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import net.minidev.json.JSONObject;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.jspecify.annotations.Nullable;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) as an {@link Authorization}: asks the token endpoint
 * for an access token with the Nimbus OAuth 2.0 SDK, sends it as {@code Bearer}, and keeps it until
 * shortly before it expires (a tenth of its lifetime, at most 30 s, earlier; an hour when the
 * endpoint gives no {@code expires_in}). A 401 from the target drops the token that was refused, so
 * the request is sent once more with a new one. The token endpoint is reached through an HttpClient
 * built from the target's own settings: the same address policy, TLS trust and timeouts. Failures
 * are {@link io.scimfleet.scim.TokenEndpointException}s; no message holds the client secret. The
 * form is sent as {@code application/x-www-form-urlencoded; charset=UTF-8}, its body encoded in
 * UTF-8 (RFC 6749 Appendix B).
 */
public final class OAuth2Tokens implements Authorization, AutoCloseable {
  static final Duration LONGEST_MARGIN = Duration.ofSeconds(30);
  static final Duration WITHOUT_EXPIRY = Duration.ofHours(1);

  /**
   * The token request's form, in UTF-8 as RFC 6749 Appendix B requires (HttpClient's own constant
   * says ISO-8859-1, which endpoints built on Express' body parser refuse with 415).
   */
  static final ContentType FORM =
      ContentType.create("application/x-www-form-urlencoded", StandardCharsets.UTF_8);

  private final OAuth2Grant grant;
  private final ClientSettings settings;
  private final ScimErrors errors;
  private final CloseableHttpClient http;
  private final String url;
  private @Nullable String header;
  private Instant refreshAt = Instant.MIN;

  public OAuth2Tokens(OAuth2Grant grant, ClientSettings settings) {
    this.grant = grant;
    this.settings = settings.withMaxConnections(2);
    this.errors = new ScimErrors(grant.clientSecret(), settings.clock());
    this.http = HttpClients.create(this.settings, HttpClients.pool(this.settings));
    URI token = grant.tokenUrl();
    this.url =
        token.getScheme()
            + "://"
            + token.getRawAuthority()
            + (token.getRawPath() == null ? "" : token.getRawPath());
  }

  /**
   * The cached access token as a header, fetched first when there is none or it is about to expire.
   */
  @Override
  public synchronized @Nullable String header() {
    if (header == null || !settings.clock().instant().isBefore(refreshAt)) fetch();
    return header;
  }

  /**
   * Drops the refused token (unless another request already replaced it): the next header is a
   * fresh one.
   */
  @Override
  public synchronized boolean invalidate(@Nullable String rejected) {
    if (Objects.equals(rejected, header)) header = null;
    return true;
  }

  @Override
  public String secret() {
    return grant.clientSecret();
  }

  private void fetch() {
    Instant asked = settings.clock().instant();
    AccessToken token = accessToken(send(tokenRequest().toHTTPRequest()));
    header = "Bearer " + token.getValue();
    refreshAt = asked.plus(keep(token.getLifetime()));
  }

  /** How long a token of this lifetime (seconds, 0 when not given) is used. */
  static Duration keep(long lifetimeSeconds) {
    if (lifetimeSeconds <= 0) return WITHOUT_EXPIRY;
    Duration lifetime = Duration.ofSeconds(lifetimeSeconds);
    Duration margin = lifetime.dividedBy(10);
    return lifetime.minus(margin.compareTo(LONGEST_MARGIN) > 0 ? LONGEST_MARGIN : margin);
  }

  private TokenRequest tokenRequest() {
    ClientID id = new ClientID(grant.clientId());
    Secret secret = new Secret(grant.clientSecret());
    ClientAuthentication auth =
        grant.clientAuth() == OAuth2Grant.ClientAuth.BODY
            ? new ClientSecretPost(id, secret)
            : new ClientSecretBasic(id, secret);
    TokenRequest.Builder builder =
        new TokenRequest.Builder(grant.tokenUrl(), auth, new ClientCredentialsGrant());
    if (grant.scope() != null) builder.scope(Scope.parse(grant.scope()));
    if (grant.audience() != null) builder.customParameter("audience", grant.audience());
    return builder.build();
  }

  private HTTPResponse send(HTTPRequest request) {
    HttpPost post = new HttpPost(request.getURI());
    post.setHeader("Accept", "application/json");
    post.setHeader("User-Agent", Version.userAgent());
    if (request.getAuthorization() != null)
      post.setHeader("Authorization", request.getAuthorization());
    post.setEntity(new StringEntity(request.getBody(), FORM));
    try {
      return http.execute(post, this::read);
    } catch (BoundedBody.TooLarge e) {
      throw errors.tokenMalformed(url, e.status, "larger than " + e.limit + " bytes");
    } catch (IOException e) {
      throw errors.tokenTransport(url, e, settings.describeTimeouts());
    }
  }

  private HTTPResponse read(ClassicHttpResponse response) throws IOException {
    HttpEntity entity = response.getEntity();
    HTTPResponse answer = new HTTPResponse(response.getCode());
    answer.setBody(BoundedBody.read(entity, response.getCode(), settings.maxResponseBytes()));
    if (entity != null && entity.getContentType() != null) {
      try {
        answer.setContentType(entity.getContentType());
      } catch (ParseException e) {
        answer.setEntityContentType(null); // parsed below, and refused there if it must be JSON
      }
    }
    return answer;
  }

  /**
   * The access token of a 2xx answer; servers that leave {@code token_type} out mean Bearer, and
   * {@code expires_in} may be text.
   */
  private AccessToken accessToken(HTTPResponse response) {
    if (!response.indicatesSuccess()) throw refused(response);
    TokenResponse parsed;
    try {
      JSONObject body = JSONObjectUtils.parse(response.getBody());
      body.putIfAbsent("token_type", AccessTokenType.BEARER.getValue());
      if (body.get("expires_in") instanceof String text && text.strip().matches("\\d{1,12}")) {
        body.put("expires_in", Long.parseLong(text.strip())); // some servers send it as text
      }
      parsed = TokenResponse.parse(body);
    } catch (ParseException e) {
      throw errors.tokenMalformed(url, response.getStatusCode(), e.getMessage());
    }
    if (!parsed.indicatesSuccess())
      throw refused(response.getStatusCode(), parsed.toErrorResponse());
    AccessToken token = parsed.toSuccessResponse().getTokens().getAccessToken();
    if (!AccessTokenType.BEARER.equals(token.getType())) {
      throw errors.tokenMalformed(
          url, response.getStatusCode(), "token_type " + token.getType() + " is not Bearer");
    }
    return token;
  }

  private RuntimeException refused(HTTPResponse response) {
    try {
      return refused(response.getStatusCode(), TokenErrorResponse.parse(response));
    } catch (ParseException e) {
      return errors.tokenRefused(url, response.getStatusCode(), null, null);
    }
  }

  private RuntimeException refused(int status, TokenErrorResponse response) {
    ErrorObject error = response.getErrorObject();
    return errors.tokenRefused(
        url,
        status,
        error == null ? null : error.getCode(),
        error == null ? null : error.getDescription());
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "Authorization[OAuth2 " + grant + "]";
  }
}
