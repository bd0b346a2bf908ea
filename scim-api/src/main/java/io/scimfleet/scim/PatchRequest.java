package io.scimfleet.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.scim.internal.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 7644 §3.5.2 PatchOp. Member removal is always one {@code remove} per member with the path
 * {@code members[value eq "id"]}, never a {@code remove} with a value list: strict servers read
 * that as "remove all members".
 */
public record PatchRequest(List<PatchOperation> operations) {
  public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  /** Membership changes per request when the target names no lower limit (AWS allows 100). */
  public static final int DEFAULT_MAX_MEMBER_CHANGES = 100;

  public PatchRequest {
    operations = List.copyOf(operations);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The requests that apply these membership changes, each with at most {@code min(100,
   * maxOperations)} changes ({@code maxOperations <= 0} means "no limit named"). Adds go first.
   */
  public static List<PatchRequest> memberChanges(
      Collection<String> add, Collection<String> remove, int maxOperations) {
    return memberChanges(add, remove, maxOperations, Set.of());
  }

  /**
   * As above; the added members whose ids are in {@code groups} go with {@code "type": "Group"}.
   */
  public static List<PatchRequest> memberChanges(
      Collection<String> add, Collection<String> remove, int maxOperations, Set<String> groups) {
    int size =
        maxOperations > 0
            ? Math.min(DEFAULT_MAX_MEMBER_CHANGES, maxOperations)
            : DEFAULT_MAX_MEMBER_CHANGES;
    return memberChunks(add, remove, size, groups);
  }

  /**
   * The requests that apply these membership changes, exactly {@code size} changes each (the last
   * may have fewer); adds go first, added ids in {@code groups} go with {@code "type": "Group"}.
   */
  public static List<PatchRequest> memberChunks(
      Collection<String> add, Collection<String> remove, int size, Set<String> groups) {
    if (size < 1)
      throw new IllegalArgumentException(
          "a chunk holds at least one membership change, not " + size);
    List<PatchRequest> requests = new ArrayList<>();
    List<MemberChange> changes = MemberChange.all(add, remove);
    for (int from = 0; from < changes.size(); from += size) {
      requests.add(
          MemberChange.request(
              changes.subList(from, Math.min(from + size, changes.size())), groups));
    }
    return requests;
  }

  /** {@code {"schemas":[PatchOp], "Operations":[...]}}. */
  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.putArray("schemas").add(SCHEMA);
    ArrayNode ops = json.putArray("Operations");
    operations.forEach(operation -> ops.add(operation.toJson()));
    return json;
  }

  public boolean isEmpty() {
    return operations.isEmpty();
  }

  /** Collects operations in order; values are turned into JSON (booleans stay booleans). */
  public static final class Builder {
    private final List<PatchOperation> operations = new ArrayList<>();

    public Builder add(String path, Object value) {
      return op("add", path, Json.tree(value));
    }

    public Builder replace(String path, Object value) {
      return op("replace", path, Json.tree(value));
    }

    public Builder remove(String path) {
      return op("remove", path, null);
    }

    /** One {@code add} of {@code members} with {@code [{"value": id}, ...]}. */
    public Builder addMembers(Collection<String> ids) {
      return addMembers(ids, Set.of());
    }

    /** As above; members whose ids are in {@code groups} carry {@code "type": "Group"}. */
    public Builder addMembers(Collection<String> ids, Set<String> groups) {
      return ids.isEmpty() ? this : op("add", "members", memberValues(ids, groups));
    }

    /** {@code {"op":"remove","path":"members[value eq \"id\"]"}}. */
    public Builder removeMember(String id) {
      return remove("members[value eq " + Json.quote(id) + "]");
    }

    public Builder op(String op, String path, @Nullable JsonNode value) {
      operations.add(new PatchOperation(op, path, value));
      return this;
    }

    public PatchRequest build() {
      return new PatchRequest(operations);
    }

    private static ArrayNode memberValues(Collection<String> ids, Set<String> groups) {
      ArrayNode values = Json.MAPPER.createArrayNode();
      ids.forEach(
          id -> {
            ObjectNode value = values.addObject().put("value", id);
            if (groups.contains(id)) value.put("type", "Group");
          });
      return values;
    }
  }

  private record MemberChange(boolean add, String id) {
    static List<MemberChange> all(Collection<String> add, Collection<String> remove) {
      List<MemberChange> changes = new ArrayList<>();
      add.forEach(id -> changes.add(new MemberChange(true, id)));
      remove.forEach(id -> changes.add(new MemberChange(false, id)));
      return changes;
    }

    static PatchRequest request(List<MemberChange> chunk, Set<String> groups) {
      List<String> added = chunk.stream().filter(MemberChange::add).map(MemberChange::id).toList();
      Builder builder = builder().addMembers(added, groups);
      chunk.stream()
          .filter(change -> !change.add())
          .forEach(change -> builder.removeMember(change.id()));
      return builder.build();
    }
  }
}
