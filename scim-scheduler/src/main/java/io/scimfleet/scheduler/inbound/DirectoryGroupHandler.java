package io.scimfleet.scheduler.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectTimes;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.GroupCycleException;
import io.scimfleet.store.UnknownMemberException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * SCIM Groups over the fleet's directory. A member that is a user becomes a membership, one that is
 * a group becomes a member group (nesting); an unknown member or a nesting cycle is a 400 {@code
 * invalidValue} and nothing is written. Members are left out of reads that exclude them ({@code
 * excludedAttributes=members}, as Entra ID asks), which then read no membership at all.
 */
final class DirectoryGroupHandler extends DirectoryResourceHandler<Group> {
  private final DirectoryStore directory;

  DirectoryGroupHandler(DirectoryStore directory) {
    this.directory = directory;
  }

  @Override
  public Group createResource(Group resource, Context context) {
    DirectoryGroup group = ScimGroups.toDirectory(resource, UUID.randomUUID().toString(), Map.of());
    write(group, resource);
    return scim(group, true, context);
  }

  @Override
  public Group getResource(
      String id,
      List<SchemaAttribute> attributes,
      List<SchemaAttribute> excluded,
      Context context) {
    return scim(stored(id), !Resources.leftOut("members", attributes, excluded), context);
  }

  @Override
  public PartialListResponse<Group> listResources(
      long startIndex,
      int count,
      FilterNode filter,
      SchemaAttribute sortBy,
      SortOrder sortOrder,
      List<SchemaAttribute> attributes,
      List<SchemaAttribute> excluded,
      Context context) {
    Listing<Group> listing = new Listing<>(startIndex, count, filter, getServiceProvider());
    boolean members = !Resources.leftOut("members", attributes, excluded) || filtersMembers(filter);
    Optional<String> id = Listing.equality(filter, "id");
    if (id.isPresent()) {
      listing.offer(scim(directory.group(id.get()).stream().toList(), members, context));
      return listing.response();
    }
    listing.offerEvery(directory::groupIds, ids -> scim(directory.groups(ids), members, context));
    return listing.response();
  }

  @Override
  public Group updateResource(Group resource, Context context) {
    String id = resource.getId().orElseThrow();
    DirectoryGroup group = ScimGroups.toDirectory(resource, id, stored(id).attributes());
    write(group, resource);
    return scim(group, true, context);
  }

  @Override
  public void deleteResource(String id, Context context) {
    if (!directory.deleteGroup(id)) throw Resources.notFound("Group", id);
  }

  /** Replaces the group with its members, split into users and groups. */
  private void write(DirectoryGroup group, JsonNode resource) {
    Set<String> ids = ScimGroups.memberIds(resource);
    Set<String> users =
        new HashSet<>(directory.users(ids).stream().map(DirectoryUser::id).toList());
    List<String> rest = ids.stream().filter(id -> !users.contains(id)).toList();
    Set<String> groups =
        new HashSet<>(directory.groups(rest).stream().map(DirectoryGroup::id).toList());
    if (rest.contains(group.id())) groups.add(group.id()); // the store names the cycle
    List<String> unknown = rest.stream().filter(id -> !groups.contains(id)).toList();
    if (!unknown.isEmpty())
      throw Resources.invalidValue("members name no user or group: " + String.join(", ", unknown));
    try {
      directory.putGroup(group, users, groups);
    } catch (UnknownMemberException | GroupCycleException e) {
      throw Resources.invalidValue(e.getMessage());
    }
  }

  private DirectoryGroup stored(String id) {
    return directory.group(id).orElseThrow(() -> Resources.notFound("Group", id));
  }

  private static boolean filtersMembers(FilterNode filter) {
    return filter != null
        && filter.toString().toLowerCase(java.util.Locale.ROOT).contains("members");
  }

  /**
   * Many groups in SCIM form; their times, and their members when asked, read in one round trip
   * each.
   */
  private List<Group> scim(List<DirectoryGroup> groups, boolean members, Context context) {
    List<String> ids = groups.stream().map(DirectoryGroup::id).toList();
    Map<String, ObjectTimes> times = directory.times(ObjectType.GROUP, ids);
    Map<String, Set<String>> users = members ? directory.membersByGroup(ids) : Map.of();
    Map<String, Set<String>> children = members ? directory.memberGroups(ids) : Map.of();
    return groups.stream()
        .map(
            group ->
                Resources.as(
                    Group::new,
                    ScimGroups.toScim(
                        group,
                        members ? users.getOrDefault(group.id(), Set.of()) : null,
                        members ? children.getOrDefault(group.id(), Set.of()) : null,
                        Optional.ofNullable(times.get(group.id())),
                        id -> context.getCrossResourceReferenceUrl(id, "User").orElse(id),
                        context::getResourceReferenceUrl)))
        .toList();
  }

  private Group scim(DirectoryGroup group, boolean members, Context context) {
    return scim(List.of(group), members, context).get(0);
  }
}
