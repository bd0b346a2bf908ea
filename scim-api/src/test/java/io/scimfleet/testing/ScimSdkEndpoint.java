package io.scimfleet.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.complex.BulkConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ChangePasswordConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ETagConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.FilterConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.SortConfig;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.AuthenticationScheme;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.EndpointDefinition;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.endpoints.authorize.Authorization;
import de.captaingoldfish.scim.sdk.server.endpoints.base.GroupEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.endpoints.base.UserEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.schemas.custom.ETagFeature;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SCIM-SDK side of {@link ScimSdkServer}: service provider config, resource types, handlers.
 */
final class ScimSdkEndpoint {
  private final InMemoryResourceHandler<User> users = new Users();
  private final InMemoryResourceHandler<Group> groups = new Groups();
  private final ResourceEndpoint endpoint;

  ScimSdkEndpoint(ScimSdkServer.Options options) {
    this.endpoint = new ResourceEndpoint(serviceProvider(options));
    register(
        options.enterpriseUser()
            ? new UserEndpointDefinition(users)
            : withoutExtensions(new UserEndpointDefinition(users)),
        options.etag());
    register(new GroupEndpointDefinition(groups), options.etag());
  }

  ScimResponse handle(String url, HttpMethod method, String body, Map<String, String> headers) {
    return endpoint.handleRequest(url, method, body, headers, new Context(new Authenticated()));
  }

  InMemoryResourceHandler<User> users() {
    return users;
  }

  InMemoryResourceHandler<Group> groups() {
    return groups;
  }

  void clear() {
    users.clear();
    groups.clear();
  }

  private void register(EndpointDefinition definition, boolean etag) {
    endpoint.registerEndpoint(definition).getFeatures().setETagFeature(new ETagFeature(etag));
  }

  /** The definition with no schema extension: neither announced nor known. */
  private static EndpointDefinition withoutExtensions(EndpointDefinition definition) {
    ObjectNode type = (ObjectNode) definition.getResourceType().deepCopy();
    type.remove("schemaExtensions");
    definition.setResourceType(type);
    definition.setResourceSchemaExtensions(List.of());
    return definition;
  }

  private static ServiceProvider serviceProvider(ScimSdkServer.Options options) {
    return ServiceProvider.builder()
        .patchConfig(PatchConfig.builder().supported(true).build())
        .filterConfig(
            FilterConfig.builder().supported(true).maxResults(options.maxResults()).build())
        .eTagConfig(ETagConfig.builder().supported(options.etag()).build())
        .sortConfig(SortConfig.builder().supported(options.sort()).build())
        .changePasswordConfig(
            ChangePasswordConfig.builder().supported(options.changePassword()).build())
        .bulkConfig(
            BulkConfig.builder()
                .supported(true)
                .maxOperations(options.bulkMaxOperations())
                .maxPayloadSize(options.bulkMaxPayloadSize())
                .returnResourcesEnabled(false)
                .build())
        .authenticationSchemes(
            List.of(
                AuthenticationScheme.builder()
                    .name("OAuth Bearer Token")
                    .description("Authentication with a bearer token")
                    .type("oauthbearertoken")
                    .primary(true)
                    .build()))
        .build();
  }

  /** Users, unique by userName. */
  private static final class Users extends InMemoryResourceHandler<User> {
    Users() {
      super("User", "userName", User::getUserName);
    }
  }

  /** Groups, unique by displayName. */
  private static final class Groups extends InMemoryResourceHandler<Group> {
    Groups() {
      super("Group", "displayName", Group::getDisplayName);
    }
  }

  /** The HTTP layer checked the bearer token already; here every caller is the one client. */
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
