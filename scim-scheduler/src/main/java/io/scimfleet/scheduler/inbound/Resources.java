package io.scimfleet.scheduler.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import java.util.List;
import java.util.function.Supplier;

/** What the user and the group handler share: resource building and the errors they answer. */
final class Resources {
  private Resources() {}

  /** {@code json} as the SDK's resource type (a Jackson object node of its own class). */
  static <T extends ResourceNode> T as(Supplier<T> empty, ObjectNode json) {
    T resource = empty.get();
    resource.removeAll();
    resource.setAll(json);
    return resource;
  }

  static ResourceNotFoundException notFound(String type, String id) {
    return new ResourceNotFoundException(type + " '" + id + "' does not exist");
  }

  static BadRequestException invalidValue(String detail) {
    return new BadRequestException(detail, null, ScimType.RFC7644.INVALID_VALUE);
  }

  /** Whether a request named no attributes and excluded none: the whole resource is answered. */
  static boolean askedForEverything(
      List<SchemaAttribute> attributes, List<SchemaAttribute> excluded) {
    return (attributes == null || attributes.isEmpty()) && (excluded == null || excluded.isEmpty());
  }

  /** Whether a read asked, through attributes or excludedAttributes, to leave this out. */
  static boolean leftOut(
      String attribute, List<SchemaAttribute> attributes, List<SchemaAttribute> excluded) {
    if (excluded != null && excluded.stream().anyMatch(a -> attribute.equals(a.getName())))
      return true;
    return attributes != null
        && !attributes.isEmpty()
        && attributes.stream().noneMatch(a -> attribute.equals(a.getName()));
  }
}
