package io.scimfleet.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One write to the directory, as the change feed carries it.
 *
 * @param kind what changed
 * @param id the user's or the group's id
 * @param memberId for a membership change, the user's id; for a member-group change, the child
 *     group's id (then {@code id} is the parent group's)
 * @param operation upsert or delete (for a membership: added or removed)
 */
public record Change(Kind kind, String id, @Nullable String memberId, Operation operation) {

  /**
   * MEMBER_GROUP: a group nested in another (its {@code memberGroups}) was added or removed.
   * PASSWORD: the user has a new password to deliver (the change carries no password: only the
   * user's id).
   */
  public enum Kind {
    USER,
    GROUP,
    MEMBERSHIP,
    MEMBER_GROUP,
    PASSWORD
  }

  public enum Operation {
    UPSERT,
    DELETE
  }

  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(operation, "operation");
  }

  public static Change user(String id, Operation operation) {
    return new Change(Kind.USER, id, null, operation);
  }

  public static Change group(String id, Operation operation) {
    return new Change(Kind.GROUP, id, null, operation);
  }

  public static Change membership(String groupId, String userId, Operation operation) {
    return new Change(Kind.MEMBERSHIP, groupId, userId, operation);
  }

  /** The user has a new password waiting, encrypted, in the password store. */
  public static Change password(String userId) {
    return new Change(Kind.PASSWORD, userId, null, Operation.UPSERT);
  }

  public static Change memberGroup(String parentId, String childId, Operation operation) {
    return new Change(Kind.MEMBER_GROUP, parentId, childId, operation);
  }

  /**
   * The object whose sync this change asks for: the user (also for a password), or the group (also
   * for memberships and member groups: the parent).
   */
  public ObjectType objectType() {
    return kind == Kind.USER || kind == Kind.PASSWORD ? ObjectType.USER : ObjectType.GROUP;
  }
}
