package io.scimfleet.scim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import java.net.URI;
import java.time.Duration;

/** Scripted SCIM targets on WireMock: the base URL, a client for it, and discovery answers. */
final class ScimWireMock {
  static final String TOKEN = "s3cret-token-value";
  static final String BASE = "/scim/v2";

  private ScimWireMock() {}

  static URI baseUrl(WireMockRuntimeInfo wireMock) {
    return URI.create(wireMock.getHttpBaseUrl() + BASE);
  }

  static ScimClientBuilder clientFor(WireMockRuntimeInfo wireMock) {
    return ScimClient.builder(baseUrl(wireMock))
        .bearerToken(TOKEN)
        .responseTimeout(Duration.ofSeconds(5));
  }

  static ResponseDefinitionBuilder scimJson(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/scim+json")
        .withBody(body);
  }

  /** A ServiceProviderConfig with these features; no /ResourceTypes unless stubbed. */
  static void discovery(
      WireMockExtension wireMock,
      boolean etag,
      int maxResults,
      boolean cursor,
      int bulkMaxOperations) {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE + "/ServiceProviderConfig"))
            .willReturn(
                scimJson(
                    200,
                    """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
         "patch":{"supported":true},
         "bulk":{"supported":%s,"maxOperations":%d,"maxPayloadSize":1048576},
         "filter":{"supported":true,"maxResults":%d},
         "etag":{"supported":%s},
         "pagination":{"cursor":%s,"index":true},
         "changePassword":{"supported":false},"sort":{"supported":false}}
        """
                        .formatted(
                            bulkMaxOperations > 0, bulkMaxOperations, maxResults, etag, cursor))));
  }

  static String user(String id, String userName) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"%s","userName":"%s"}"""
        .formatted(id, userName);
  }

  static String listOf(int totalResults, String nextCursor, String... resources) {
    String cursor = nextCursor == null ? "" : ",\"nextCursor\":\"" + nextCursor + "\"";
    return """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":%d,"itemsPerPage":%d,"Resources":[%s]%s}"""
        .formatted(totalResults, resources.length, String.join(",", resources), cursor);
  }
}
