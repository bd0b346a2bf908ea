package io.scimfleet.worker.probe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.scim.BulkOperation;
import io.scimfleet.scim.BulkResult;
import io.scimfleet.scim.Capabilities;
import io.scimfleet.scim.Filter;
import io.scimfleet.scim.PatchRequest;
import io.scimfleet.scim.ScimClient;
import io.scimfleet.scim.ScimException;
import io.scimfleet.scim.ScimResource;
import io.scimfleet.scim.SearchRequest;
import io.scimfleet.scim.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One probe of a target: a scratch user and group ({@code scimfleet-probe-<random>}), each thing
 * the fleet relies on tried on them and read back, then both removed, also when a step failed. Not
 * thread-safe; one per probe.
 */
final class Probe {
  static final String USER_CREATE = "userCreate";
  static final String USER_PATCH = "userPatch";
  static final String USER_PUT = "userPut";
  static final String FILTER_USER_NAME = "filterUserName";
  static final String FILTER_EXTERNAL_ID = "filterExternalId";
  static final String GROUP_CREATE = "groupCreate";
  static final String MEMBER_PATCH = "groupMemberPatch";
  static final String GROUP_MEMBERS_ON_GET = "groupMembersOnGet";
  static final String BULK = "bulk";
  static final String ETAG = "etag";

  private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

  private final ScimClient client;
  private final String name;
  private final List<Check> checks = new ArrayList<>();
  private final List<Removal> cleanup = new ArrayList<>();
  private Capabilities announced = Capabilities.defaults();

  /** The scratch objects' ids, once created (a POST answers an id, or ScimClient.create throws). */
  private @Nullable String userId;

  private @Nullable String groupId;

  /** A scratch object removed (or not) at the end. */
  record Removal(String endpoint, String id, boolean removed, String detail) {}

  /**
   * @param random the scratch objects' suffix
   */
  Probe(ScimClient client, String random) {
    this.client = client;
    this.name = "scimfleet-probe-" + random;
  }

  String userName() {
    return name;
  }

  String displayName() {
    return name.replace('-', ' ');
  }

  /** Runs every step, removes the scratch objects, and answers what it saw. */
  Result run() {
    try {
      announced = client.capabilities();
      if (createUser()) {
        userPatch();
        userPut();
        filter(FILTER_USER_NAME, "userName", name);
        filter(FILTER_EXTERNAL_ID, "externalId", name);
        etag();
        bulk();
        if (createGroup()) groupMembers();
      }
    } finally {
      remove("Groups", groupId);
      remove("Users", userId);
    }
    return new Result(announced, List.copyOf(checks), List.copyOf(cleanup));
  }

  /** What one probe saw. */
  record Result(Capabilities announced, List<Check> checks, List<Removal> cleanup) {}

  private boolean createUser() {
    ObjectNode body = Json.object();
    body.putArray("schemas").add(USER_SCHEMA);
    body.put("userName", name).put("externalId", name).put("displayName", displayName());
    body.putObject("name").put("givenName", "scimfleet").put("familyName", "probe");
    body.putArray("emails")
        .addObject()
        .put("value", name + "@example.invalid")
        .put("type", "work")
        .put("primary", true);
    body.put("active", false);
    try {
      userId = createdId("Users", body);
      checks.add(Check.works(USER_CREATE, "POST /Users → 2xx, id " + userId));
      return true;
    } catch (RuntimeException e) {
      checks.add(Check.fails(USER_CREATE, failure(e) + "; nothing else could be tried"));
      return false;
    }
  }

  private void userPatch() {
    String value = displayName() + " patched";
    try {
      client.patch(
          "Users", userId(), PatchRequest.builder().replace("displayName", value).build(), null);
      checks.add(readBack(USER_PATCH, "PATCH /Users/" + userId(), value));
    } catch (RuntimeException e) {
      checks.add(Check.fails(USER_PATCH, failure(e)));
    }
  }

  private void userPut() {
    String value = displayName() + " put";
    try {
      ObjectNode body = client.get("Users", userId()).json().deepCopy();
      body.remove("meta");
      body.put("displayName", value);
      client.replace("Users", userId(), body, null);
      checks.add(readBack(USER_PUT, "PUT /Users/" + userId(), value));
    } catch (RuntimeException e) {
      checks.add(Check.fails(USER_PUT, failure(e)));
    }
  }

  /** The write answered 2xx; works when a GET then shows the new displayName. */
  private Check readBack(String check, String request, String value) {
    String seen = client.get("Users", userId()).json().path("displayName").asText(null);
    if (value.equals(seen)) return Check.works(check, request + " → 2xx, read back");
    return Check.fails(
        check, request + " → 2xx, but a GET shows displayName " + Json.quote(String.valueOf(seen)));
  }

  private void filter(String check, String attribute, String value) {
    Filter filter = Filter.eq(attribute, value);
    String request = "GET /Users?filter=" + filter.render();
    try {
      List<ScimResource> found =
          client
              .search("Users", SearchRequest.of(filter).withStartIndex(1).withCount(10))
              .resources();
      boolean hit = found.stream().anyMatch(r -> userId().equals(r.id()));
      if (hit && found.size() == 1)
        checks.add(Check.works(check, request + " → 2xx with the scratch user"));
      else if (hit)
        checks.add(
            Check.fails(check, request + " → 2xx with " + found.size() + " results: not applied"));
      else
        checks.add(
            Check.fails(
                check, request + " → 2xx with " + found.size() + " results, not the scratch user"));
    } catch (RuntimeException e) {
      checks.add(Check.fails(check, failure(e)));
    }
  }

  private void etag() {
    if (!announced.etag()) {
      checks.add(Check.fails(ETAG, "not announced in /ServiceProviderConfig"));
      return;
    }
    Optional<String> version = client.get("Users", userId()).version();
    if (version.isEmpty()) {
      checks.add(Check.fails(ETAG, "announced, but the user has no meta.version nor ETag"));
      return;
    }
    try {
      client.patch(
          "Users",
          userId(),
          PatchRequest.builder().replace("displayName", displayName() + " stale").build(),
          "W/\"scimfleet-probe-stale\"");
      checks.add(Check.fails(ETAG, "a PATCH with a stale If-Match → 2xx, not 412: ignored"));
    } catch (ScimException e) {
      if (e.status() != 412) {
        checks.add(Check.fails(ETAG, "a PATCH with a stale If-Match → " + failure(e)));
        return;
      }
      etagAccepted(version.get());
    }
  }

  /** A stale version was refused with 412; the current one must be taken. */
  private void etagAccepted(String version) {
    try {
      client.patch(
          "Users",
          userId(),
          PatchRequest.builder().replace("displayName", displayName() + " etag").build(),
          version);
      checks.add(
          Check.works(ETAG, "stale If-Match → 412, current meta.version " + version + " → 2xx"));
    } catch (RuntimeException e) {
      checks.add(Check.fails(ETAG, "stale If-Match → 412, but the current one → " + failure(e)));
    }
  }

  private void bulk() {
    if (!announced.bulk().supported()) {
      checks.add(Check.fails(BULK, "not announced in /ServiceProviderConfig"));
      return;
    }
    PatchRequest patch =
        PatchRequest.builder().replace("displayName", displayName() + " bulk").build();
    try {
      BulkResult result =
          client.bulk(List.of(BulkOperation.patch("Users", userId(), patch))).get(0);
      if (result.ok()) checks.add(Check.works(BULK, "1-operation Bulk PATCH → " + result.status()));
      else
        checks.add(
            Check.fails(
                BULK,
                "1-operation Bulk PATCH → "
                    + result.status()
                    + result.failure().map(e -> " " + e.getMessage()).orElse("")));
    } catch (RuntimeException e) {
      checks.add(Check.fails(BULK, "announced, but " + failure(e)));
    }
  }

  private boolean createGroup() {
    ObjectNode body = Json.object();
    body.putArray("schemas").add(GROUP_SCHEMA);
    body.put("displayName", displayName()).put("externalId", name);
    try {
      groupId = createdId("Groups", body);
      checks.add(Check.works(GROUP_CREATE, "POST /Groups → 2xx, id " + groupId));
      return true;
    } catch (RuntimeException e) {
      checks.add(Check.fails(GROUP_CREATE, failure(e)));
      checks.add(Check.notTried(MEMBER_PATCH, "the scratch group could not be created"));
      checks.add(Check.notTried(GROUP_MEMBERS_ON_GET, "the scratch group could not be created"));
      return false;
    }
  }

  private void groupMembers() {
    try {
      client.patch(
          "Groups", groupId(), PatchRequest.builder().addMembers(List.of(userId())).build(), null);
      checks.add(Check.works(MEMBER_PATCH, "PATCH add 1 member → 2xx"));
    } catch (RuntimeException e) {
      checks.add(Check.fails(MEMBER_PATCH, "PATCH add 1 member → " + failure(e)));
      checks.add(Check.notTried(GROUP_MEMBERS_ON_GET, "no member could be added"));
      return;
    }
    try {
      ArrayNode members = membersOf(client.get("Groups", groupId()));
      boolean seen = false;
      for (var member : members) seen |= userId().equals(member.path("value").asText());
      checks.add(
          seen
              ? Check.works(GROUP_MEMBERS_ON_GET, "GET /Groups/" + groupId() + " lists the member")
              : Check.fails(
                  GROUP_MEMBERS_ON_GET,
                  "GET /Groups/"
                      + groupId()
                      + " → 2xx with "
                      + members.size()
                      + " members, not the one added"));
    } catch (RuntimeException e) {
      checks.add(Check.fails(GROUP_MEMBERS_ON_GET, failure(e)));
    }
  }

  private String createdId(String endpoint, ObjectNode body) {
    return Objects.requireNonNull(
        client.create(endpoint, body).id(), "ScimClient.create answers a resource with an id");
  }

  private String userId() {
    return Objects.requireNonNull(userId, "the steps after createUser run only once it worked");
  }

  private String groupId() {
    return Objects.requireNonNull(groupId, "groupMembers runs only once createGroup worked");
  }

  private static ArrayNode membersOf(ScimResource group) {
    return group.json().path("members") instanceof ArrayNode members
        ? members
        : Json.MAPPER.createArrayNode();
  }

  private void remove(String endpoint, @Nullable String id) {
    if (id == null) return;
    try {
      client.delete(endpoint, id, null);
      cleanup.add(new Removal(endpoint, id, true, "DELETE → 2xx"));
    } catch (ScimException e) {
      boolean gone = e.status() == 404;
      cleanup.add(new Removal(endpoint, id, gone, "DELETE → " + failure(e)));
    } catch (RuntimeException e) {
      cleanup.add(new Removal(endpoint, id, false, "DELETE → " + failure(e)));
    }
  }

  private static String failure(RuntimeException e) {
    if (e instanceof ScimException scim)
      return (scim.status() > 0 ? scim.status() + ": " : "") + scim.getMessage();
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
