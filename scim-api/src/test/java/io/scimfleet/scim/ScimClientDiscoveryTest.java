package io.scimfleet.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.scimfleet.scim.ScimWireMock.BASE;
import static io.scimfleet.scim.ScimWireMock.scimJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Discovery that lies, is missing or is garbage never fails: the client falls back to safe
 * defaults.
 */
class ScimClientDiscoveryTest {
  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ScimClient client;

  @BeforeEach
  void client() {
    client = ScimWireMock.clientFor(wireMock.getRuntimeInfo()).build();
  }

  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @AfterEach
  void close() {
    client.close();
  }

  static Stream<Arguments> unusableAnswers() {
    return Stream.of(
        Arguments.of("404", aResponse().withStatus(404)),
        Arguments.of("401", scimJson(401, "{\"detail\":\"no\"}")),
        Arguments.of(
            "HTML",
            aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><title>Login</title></html>")),
        Arguments.of("garbage", scimJson(200, "{{{not json")),
        Arguments.of("a JSON array", scimJson(200, "[1,2,3]")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableAnswers")
  void unusableDiscoveryYieldsTheSafeDefaults(String name, ResponseDefinitionBuilder answer) {
    wireMock.stubFor(get(urlPathEqualTo(BASE + "/ServiceProviderConfig")).willReturn(answer));
    wireMock.stubFor(get(urlPathEqualTo(BASE + "/ServiceProviderConfigs")).willReturn(answer));
    wireMock.stubFor(get(urlPathEqualTo(BASE + "/ResourceTypes")).willReturn(answer));

    assertThat(client.capabilities()).isEqualTo(Capabilities.defaults());
  }

  @Test
  void salesforcePluralConfigIsReadWhenTheSingularIsMissing() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/ServiceProviderConfig"))
            .willReturn(aResponse().withStatus(404)));
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/ServiceProviderConfigs"))
            .willReturn(
                scimJson(
                    200,
                    "{\"etag\":{\"supported\":\"true\"},\"bulk\":{\"supported\":true,\"maxOperations\":\"25\"}}")));

    Capabilities capabilities = client.capabilities();

    assertThat(capabilities.etag()).isTrue();
    assertThat(capabilities.bulk().maxOperations()).isEqualTo(25);
  }

  @Test
  void resourceTypesListTheEndpoints() {
    ScimWireMock.discovery(wireMock, false, 100, false, 0);
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/ResourceTypes"))
            .willReturn(
                scimJson(
                    200,
                    "{\"Resources\":[{\"id\":\"User\",\"name\":\"User\",\"endpoint\":\"/Users\",\"schema\":\"urn:ietf:params:scim:schemas:core:2.0:User\"}]}")));

    assertThat(client.capabilities().resourceEndpoints()).containsExactly("Users");
    assertThat(client.capabilities().hasEndpoint("Groups")).isFalse();
  }

  @Test
  void theUserTypesSchemaExtensionsAreTheUserExtensions() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/ResourceTypes"))
            .willReturn(
                scimJson(
                    200,
                    "{\"Resources\":[{\"id\":\"User\",\"endpoint\":\"/Users\",\"schema\":\"urn:ietf:params:scim:schemas:core:2.0:User\","
                        + "\"schemaExtensions\":[{\"schema\":\""
                        + ENTERPRISE
                        + "\",\"required\":false}]},"
                        + "{\"id\":\"Group\",\"endpoint\":\"/Groups\",\"schema\":\"urn:ietf:params:scim:schemas:core:2.0:Group\","
                        + "\"schemaExtensions\":[{\"schema\":\"urn:example:group\"}]}]}")));

    assertThat(client.capabilities().userSchemaExtensions()).containsExactly(ENTERPRISE);
    wireMock.verify(0, getRequestedFor(urlPathEqualTo(BASE + "/Schemas")));
  }

  @Test
  void withoutAUserTypeTheExtensionSchemasOfSchemasCount() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/ResourceTypes")).willReturn(aResponse().withStatus(404)));
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/Schemas"))
            .willReturn(
                scimJson(
                    200,
                    "{\"Resources\":[{\"id\":\"urn:ietf:params:scim:schemas:core:2.0:User\"},{\"id\":\""
                        + ENTERPRISE
                        + "\"}]}")));

    assertThat(client.capabilities().userSchemaExtensions()).containsExactly(ENTERPRISE);
  }

  @Test
  void aUserTypeWithoutExtensionsAnnouncesNone() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/ResourceTypes"))
            .willReturn(
                scimJson(
                    200,
                    "{\"Resources\":[{\"id\":\"User\",\"endpoint\":\"/Users\",\"schema\":\"urn:ietf:params:scim:schemas:core:2.0:User\"}]}")));
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/Schemas"))
            .willReturn(scimJson(200, "{\"Resources\":[{\"id\":\"" + ENTERPRISE + "\"}]}")));

    assertThat(client.capabilities().userSchemaExtensions()).isEmpty();
  }

  @Test
  void capabilitiesAreCachedForTheTtl() {
    ScimWireMock.discovery(wireMock, true, 100, false, 0);

    client.capabilities();
    client.capabilities();

    wireMock.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/ServiceProviderConfig")));
  }

  @Test
  void unavailableDiscoveryIsThrownAndNotCached() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/ResourceTypes")).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(client::capabilities).isInstanceOf(ServerErrorException.class);

    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/ResourceTypes")).willReturn(aResponse().withStatus(404)));
    ScimWireMock.discovery(wireMock, true, 100, false, 0);
    assertThat(client.capabilities().etag()).isTrue();
  }
}
