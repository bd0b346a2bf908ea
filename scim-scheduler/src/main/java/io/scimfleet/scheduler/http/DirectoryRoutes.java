package io.scimfleet.scheduler.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.store.DirectoryStore;
import java.io.IOException;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * Users, groups and memberships: {@code /api/v1/users/{id}}, {@code /api/v1/users/{id}/password}
 * (write-only), {@code /api/v1/groups/{id}[/members/{userId}]}, {@code
 * /api/v1/groups/{id}/memberGroups/{childId}}.
 */
final class DirectoryRoutes {
  private final DirectoryStore directory;
  private final ApiJson json;
  private final PasswordChanges passwords;

  DirectoryRoutes(DirectoryStore directory, ApiJson json, PasswordChanges passwords) {
    this.directory = directory;
    this.json = json;
    this.passwords = passwords;
  }

  void register(RoutesConfig routes) {
    routes.put("/api/v1/users/{id}", this::putUser);
    routes.get("/api/v1/users/{id}", ctx -> ApiJson.write(ctx, 200, user(ctx.pathParam("id"))));
    routes.put("/api/v1/users/{id}/password", this::putPassword);
    routes.delete(
        "/api/v1/users/{id}",
        ctx -> deleted(ctx, directory.deleteUser(ctx.pathParam("id")), "user"));
    routes.put("/api/v1/groups/{id}", this::putGroup);
    routes.get(
        "/api/v1/groups/{id}", ctx -> ApiJson.write(ctx, 200, groupView(ctx.pathParam("id"))));
    routes.delete(
        "/api/v1/groups/{id}",
        ctx -> deleted(ctx, directory.deleteGroup(ctx.pathParam("id")), "group"));
    routes.put("/api/v1/groups/{id}/members/{userId}", this::addMember);
    routes.delete("/api/v1/groups/{id}/members/{userId}", this::removeMember);
    routes.put("/api/v1/groups/{id}/memberGroups/{childId}", this::addMemberGroup);
    routes.delete("/api/v1/groups/{id}/memberGroups/{childId}", this::removeMemberGroup);
  }

  private void putUser(Context ctx) throws IOException {
    DirectoryUser user = json.read(ctx, UserRequest.class).toUser(ctx.pathParam("id"));
    directory.putUser(user);
    ApiJson.write(ctx, 200, user);
  }

  /** Write-only: 204 and no body; the password is never read back by any route. */
  private void putPassword(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    user(id);
    String password = PasswordChanges.fromBody(json.readTree(ctx));
    passwords.set(id, password);
    ctx.status(204);
  }

  private void putGroup(Context ctx) throws IOException {
    GroupRequest request = json.read(ctx, GroupRequest.class);
    DirectoryGroup group = request.toGroup(ctx.pathParam("id"));
    directory.putGroup(group, request.members(), request.memberGroups());
    ApiJson.write(ctx, 200, groupView(group.id()));
  }

  private void addMember(Context ctx) {
    link(ctx, "userId", this::user, directory::addMember);
  }

  private void removeMember(Context ctx) {
    unlink(ctx, "userId", directory::removeMember, "user '%s' is not a member of group '%s'");
  }

  private void addMemberGroup(Context ctx) {
    link(ctx, "childId", this::group, directory::addMemberGroup);
  }

  private void removeMemberGroup(Context ctx) {
    unlink(ctx, "childId", directory::removeMemberGroup, "group '%s' is not nested in group '%s'");
  }

  /**
   * Links the member named by the path parameter {@code member} into group {@code id}; 404 when
   * either is missing.
   */
  private void link(
      Context ctx, String member, Consumer<String> requireMember, BiConsumer<String, String> add) {
    String groupId = ctx.pathParam("id");
    String memberId = ctx.pathParam(member);
    group(groupId);
    requireMember.accept(memberId);
    add.accept(groupId, memberId); // already linked: the same answer
    ApiJson.write(ctx, 200, groupView(groupId));
  }

  /**
   * Unlinks it: 204, or 404 with {@code notLinked} (member id, group id) when it was not linked.
   */
  private void unlink(
      Context ctx, String member, BiPredicate<String, String> remove, String notLinked) {
    String groupId = ctx.pathParam("id");
    String memberId = ctx.pathParam(member);
    group(groupId);
    if (!remove.test(groupId, memberId))
      throw ApiException.notFound(notLinked.formatted(memberId, groupId));
    ctx.status(204);
  }

  private DirectoryUser user(String id) {
    return directory.user(id).orElseThrow(() -> ApiException.notFound("no user '" + id + "'"));
  }

  private DirectoryGroup group(String id) {
    return directory.group(id).orElseThrow(() -> ApiException.notFound("no group '" + id + "'"));
  }

  private GroupView groupView(String id) {
    return GroupView.of(group(id), directory.members(id), directory.memberGroups(id));
  }

  private static void deleted(Context ctx, boolean existed, String what) {
    if (!existed) throw ApiException.notFound("no " + what + " '" + ctx.pathParam("id") + "'");
    ctx.status(204);
  }
}
