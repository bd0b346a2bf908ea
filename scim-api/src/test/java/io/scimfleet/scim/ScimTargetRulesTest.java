package io.scimfleet.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.scim.ScimWireMock.scimJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.scimfleet.target.TargetPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The target rules where the client connects (the name is resolved again at each connection), and
 * text quoted back from a target: one line, capped.
 */
class ScimTargetRulesTest {
  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void aHostThatResolvesToADeniedAddressIsRefusedWhenConnectingAndNothingIsSent() {
    wireMock.stubFor(get(anyUrl()).willReturn(scimJson(200, ScimWireMock.user("1", "ada"))));
    TargetPolicy loopbackDenied =
        TargetPolicy.fromEnv(Map.of("SCIM_TARGET_DENY", "127.0.0.0/8,::1/128"));

    try (ScimClient client =
        ScimWireMock.clientFor(wireMock.getRuntimeInfo()).targetPolicy(loopbackDenied).build()) {
      assertThatThrownBy(() -> client.get("/Users", "1"))
          .isInstanceOfSatisfying(
              TransportException.class, e -> assertThat(e.retryable()).isFalse())
          .hasMessageContaining("localhost")
          .hasMessageContaining("is refused");
    }
    assertThat(wireMock.getAllServeEvents()).isEmpty();
  }

  @Test
  void theSameHostIsReachedUnderTheDefaultRules() {
    wireMock.stubFor(get(anyUrl()).willReturn(scimJson(200, ScimWireMock.user("1", "ada"))));

    try (ScimClient client = ScimWireMock.clientFor(wireMock.getRuntimeInfo()).build()) {
      assertThat(client.get("/Users", "1").id()).isEqualTo("1");
    }
  }

  @Test
  void errorTextFromATargetIsOneLineWithoutControlCharactersAndCapped() {
    String detail =
        "line one\r\nFAKE LOG LINE \u001b[31mred\u001b[0m \u202Ereversed " + "x".repeat(5000);
    wireMock.stubFor(
        get(anyUrl())
            .willReturn(
                scimJson(
                    400,
                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"400\",\"detail\":\""
                        + detail
                            .replace("\r", "\\r")
                            .replace("\n", "\\n")
                            .replace("\u001b", "\\u001b")
                            .replace("\u202E", "\\u202E")
                        + "\"}")));

    try (ScimClient client = ScimWireMock.clientFor(wireMock.getRuntimeInfo()).build()) {
      assertThatThrownBy(() -> client.get("/Users", "1"))
          .isInstanceOfSatisfying(
              ScimException.class,
              e -> {
                assertThat(e.detail())
                    .startsWith("line one  FAKE LOG LINE")
                    .hasSizeLessThanOrEqualTo(ScimErrors.MAX_QUOTED + 1);
                assertThat(e.getMessage()).doesNotContainPattern("[\\p{Cc}\\p{Cf}]");
              });
    }
  }
}
