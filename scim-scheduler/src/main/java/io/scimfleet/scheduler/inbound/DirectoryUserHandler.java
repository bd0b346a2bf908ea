package io.scimfleet.scheduler.inbound;

import de.captaingoldfish.scim.sdk.common.constants.ScimType;
import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.exceptions.ConflictException;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectTimes;
import io.scimfleet.model.ObjectType;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.UsernameTakenException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * SCIM Users over the fleet's directory: every write is one {@link DirectoryStore#putUniqueUser}
 * (so a taken {@code userName} is a 409 {@code uniqueness} and nothing is written) and appends its
 * change to the feed like the REST API's. A look-up by {@code userName eq} or {@code id eq} reads
 * one user; any other filter pages through the directory.
 */
final class DirectoryUserHandler extends DirectoryResourceHandler<User> {
  private final DirectoryStore directory;
  private final InboundPasswords passwords;

  DirectoryUserHandler(DirectoryStore directory, InboundPasswords passwords) {
    this.directory = directory;
    this.passwords = passwords;
  }

  @Override
  public User createResource(User resource, Context context) {
    DirectoryUser user = ScimUsers.toDirectory(resource, UUID.randomUUID().toString(), Map.of());
    write(user);
    resource.getPassword().ifPresent(password -> passwords.set(user.id(), password));
    return scim(
        user, directory.times(ObjectType.USER, user.id()), Set.of(), context); // new: no groups
  }

  @Override
  public User getResource(
      String id,
      List<SchemaAttribute> attributes,
      List<SchemaAttribute> excluded,
      Context context) {
    return scim(stored(id), context);
  }

  @Override
  public PartialListResponse<User> listResources(
      long startIndex,
      int count,
      FilterNode filter,
      SchemaAttribute sortBy,
      SortOrder sortOrder,
      List<SchemaAttribute> attributes,
      List<SchemaAttribute> excluded,
      Context context) {
    Listing<User> listing = new Listing<>(startIndex, count, filter, getServiceProvider());
    Optional<String> userName = Listing.equality(filter, "userName");
    Optional<String> id = Listing.equality(filter, "id");
    if (userName.isPresent()) {
      listing.offer(scim(directory.userByUsername(userName.get()).stream().toList(), context));
    } else if (id.isPresent()) {
      listing.offer(scim(directory.user(id.get()).stream().toList(), context));
    } else {
      listing.offerEvery(directory::userIds, ids -> scim(directory.users(ids), context));
    }
    return listing.response();
  }

  /** PUT, and PATCH after the SDK applied the operations to the stored resource. */
  @Override
  public User updateResource(User resource, Context context) {
    String id = resource.getId().orElseThrow();
    DirectoryUser user = ScimUsers.toDirectory(resource, id, stored(id).attributes());
    write(user);
    resource.getPassword().ifPresent(password -> passwords.set(id, password));
    return scim(user, context);
  }

  @Override
  public void deleteResource(String id, Context context) {
    if (!directory.deleteUser(id)) throw Resources.notFound("User", id);
  }

  private void write(DirectoryUser user) {
    try {
      directory.putUniqueUser(user);
    } catch (UsernameTakenException e) {
      throw new ConflictException(e.getMessage(), null, ScimType.RFC7644.UNIQUENESS);
    }
  }

  private DirectoryUser stored(String id) {
    return directory.user(id).orElseThrow(() -> Resources.notFound("User", id));
  }

  /** Many users in SCIM form, with their times and groups read in one round trip each. */
  private List<User> scim(List<DirectoryUser> users, Context context) {
    List<String> ids = users.stream().map(DirectoryUser::id).toList();
    Map<String, ObjectTimes> times = directory.times(ObjectType.USER, ids);
    Map<String, Set<String>> groups = directory.groupsOf(ids);
    return users.stream()
        .map(
            user ->
                scim(
                    user,
                    Optional.ofNullable(times.get(user.id())),
                    groups.getOrDefault(user.id(), Set.of()),
                    context))
        .toList();
  }

  private User scim(DirectoryUser user, Context context) {
    return scim(List.of(user), context).get(0);
  }

  private static User scim(
      DirectoryUser user, Optional<ObjectTimes> times, Set<String> groups, Context context) {
    return Resources.as(
        User::new,
        ScimUsers.toScim(
            user,
            times,
            groups,
            context.getResourceReferenceUrl(user.id()),
            group -> context.getCrossResourceReferenceUrl(group, "Group").orElse(group)));
  }
}
