package io.scimfleet.scheduler.inbound;

import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.complex.BulkConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ChangePasswordConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ETagConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.FilterConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.SortConfig;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.AuthenticationScheme;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.endpoints.authorize.Authorization;
import de.captaingoldfish.scim.sdk.server.endpoints.base.GroupEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.endpoints.base.UserEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;
import de.captaingoldfish.scim.sdk.server.schemas.custom.ETagFeature;
import io.scimfleet.store.DirectoryStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The SCIM-SDK's resource endpoint over the directory: Users (with the enterprise extension) and
 * Groups, with the discovery endpoints, filters, PATCH (with the SDK's workarounds for Entra ID
 * switched on), ETags, and Bulk. The HTTP layer ({@link InboundRoutes}) checked the token already.
 */
final class InboundEndpoint {
  private final ResourceEndpoint endpoint;
  private final Map<String, RequestShape> shapes;

  InboundEndpoint(
      DirectoryStore directory,
      InboundPasswords passwords,
      InboundSettings settings,
      long maxBodyBytes) {
    this.endpoint = new ResourceEndpoint(serviceProvider(settings, maxBodyBytes));
    ResourceType users =
        endpoint.registerEndpoint(
            new UserEndpointDefinition(new DirectoryUserHandler(directory, passwords)));
    ResourceType groups =
        endpoint.registerEndpoint(
            new GroupEndpointDefinition(new DirectoryGroupHandler(directory)));
    withETags(users);
    withETags(groups);
    this.shapes = Map.of("Users", new RequestShape(users), "Groups", new RequestShape(groups));
  }

  /**
   * Why a POST or PUT of a resource ({@code Users} or {@code Groups}) is refused before the SDK
   * sees it; empty when it is not.
   */
  Optional<String> refusal(String resource, HttpMethod method, @Nullable String body) {
    RequestShape shape = shapes.get(resource);
    if (shape == null || (method != HttpMethod.POST && method != HttpMethod.PUT))
      return Optional.empty();
    return shape.problem(body);
  }

  /** Answers one request; {@code url} is the whole request URL, query included. */
  ScimResponse handle(
      String url, HttpMethod method, @Nullable String body, Map<String, String> headers) {
    return endpoint.handleRequest(url, method, body, headers, new Context(new Authenticated()));
  }

  private static void withETags(ResourceType type) {
    type.getFeatures().setETagFeature(new ETagFeature(true));
  }

  private static ServiceProvider serviceProvider(InboundSettings settings, long maxBodyBytes) {
    return ServiceProvider.builder()
        .patchConfig(
            PatchConfig.builder()
                .supported(true)
                // a removal whose member is gone already succeeds: IdPs retry, and that is no error
                .doNotFailOnNoTarget(true)
                .activateMsAzureFilterWorkaround(true)
                .activateMsAzureValueSubAttributeWorkaround(true)
                .activateMsAzureComplexSimpleValueWorkaround(true)
                .build())
        .filterConfig(
            FilterConfig.builder().supported(true).maxResults(settings.maxResults()).build())
        .sortConfig(SortConfig.builder().supported(false).build())
        .eTagConfig(ETagConfig.builder().supported(true).build())
        .changePasswordConfig(ChangePasswordConfig.builder().supported(false).build())
        .bulkConfig(
            BulkConfig.builder()
                .supported(true)
                .maxOperations(1000)
                .maxPayloadSize(maxBodyBytes)
                .build())
        .authenticationSchemes(
            List.of(
                AuthenticationScheme.builder()
                    .name("OAuth Bearer Token")
                    .description("Authentication with the bearer token SCIM_INBOUND_TOKEN")
                    .type("oauthbearertoken")
                    .primary(true)
                    .build()))
        .build();
  }

  /** The bearer token was checked before the SDK saw the request. */
  private static final class Authenticated implements Authorization {
    @Override
    public Set<String> getClientRoles() {
      return Set.of();
    }

    @Override
    public boolean authenticate(Map<String, String> httpHeaders, Map<String, String> queryParams) {
      return true;
    }
  }
}
