package io.scimfleet.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.scim.ScimWireMock.BASE;
import static io.scimfleet.scim.ScimWireMock.scimJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Authorization seam: Basic sent as RFC 7617 says, a 401 retried once with a fresh header. */
class ScimClientAuthorizationTest {
  private static final String USER =
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"1\",\"userName\":\"ada\"}";

  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void basicCredentialsAreSentAsRfc7617Header() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/Users/1"))
            .withHeader("Authorization", equalTo("Basic YWRhOnDDpHNz"))
            .willReturn(scimJson(200, USER)));

    try (ScimClient client = client(Authorization.basic("ada", "päss"))) {
      assertThat(client.get("Users", "1").id()).isEqualTo("1");
    }
  }

  @Test
  void aRefusedHeaderIsReplacedOnceAndTheRequestSentAgain() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/Users/1"))
            .willReturn(scimJson(401, "{\"detail\":\"expired\"}")));
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/Users/1"))
            .withHeader("Authorization", equalTo("Bearer t2"))
            .willReturn(scimJson(200, USER)));
    Rotating rotating = new Rotating();

    try (ScimClient client = client(rotating)) {
      assertThat(client.get("Users", "1").id()).isEqualTo("1");
    }

    assertThat(rotating.invalidated.get()).isEqualTo(1);
    wireMock.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/Users/1")));
  }

  @Test
  void aSecond401IsNotRetriedAgain() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/Users/1")).willReturn(scimJson(401, "{\"detail\":\"no\"}")));
    Rotating rotating = new Rotating();

    try (ScimClient client = client(rotating)) {
      assertThatThrownBy(() -> client.get("Users", "1")).isInstanceOf(UnauthorizedException.class);
    }

    assertThat(rotating.invalidated.get()).isEqualTo(1);
    wireMock.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/Users/1")));
  }

  private static ScimClient client(Authorization authorization) {
    return ScimClient.builder(ScimWireMock.baseUrl(wireMock.getRuntimeInfo()))
        .authorization(authorization)
        .responseTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** A token source that issues t1, then t2 after each invalidation. */
  private static final class Rotating implements Authorization {
    final AtomicInteger invalidated = new AtomicInteger();

    @Override
    public String header() {
      return "Bearer t" + (invalidated.get() + 1);
    }

    @Override
    public boolean invalidate(String rejected) {
      invalidated.incrementAndGet();
      return true;
    }
  }
}
