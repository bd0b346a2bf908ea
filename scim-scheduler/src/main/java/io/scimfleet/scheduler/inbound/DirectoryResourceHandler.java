package io.scimfleet.scheduler.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.endpoints.features.EndpointType;
import de.captaingoldfish.scim.sdk.server.interceptor.Interceptor;
import de.captaingoldfish.scim.sdk.server.schemas.validation.AbstractResourceValidator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What the user and the group handler do alike around the SCIM-SDK: store failures become SCIM
 * errors ({@link StoreErrors}), and answers carrying every attribute skip the SDK's re-validation.
 * The SDK reads the resource type from the concrete handler's generic superclass, so each handler
 * names its type here.
 */
abstract class DirectoryResourceHandler<T extends ResourceNode> extends ResourceHandler<T> {
  @Override
  public Interceptor getInterceptor(EndpointType endpointType) {
    return StoreErrors.INSTANCE;
  }

  /**
   * No re-validation of what we answer when the client asked for every attribute: the resource is
   * built by {@link ScimUsers} or {@link ScimGroups} to the schema, and the SDK's check of it cost
   * a third of a create's CPU (docs/inbound.md, Speed and limits). With {@code attributes} or
   * {@code excludedAttributes} the SDK's validator runs, as it is what applies them.
   */
  @Override
  protected Optional<AbstractResourceValidator> getResponseValidator(
      List<SchemaAttribute> attributes,
      List<SchemaAttribute> excludedAttributes,
      JsonNode resource,
      BiFunction<String, String, String> referenceUrlSupplier) {
    return Resources.askedForEverything(attributes, excludedAttributes)
        ? Optional.empty()
        : super.getResponseValidator(
            attributes, excludedAttributes, resource, referenceUrlSupplier);
  }
}
