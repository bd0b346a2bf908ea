package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.PayloadBuilder;
import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.scim.PatchRequest;
import io.scimfleet.scim.ScimResource;
import io.scimfleet.store.Stores;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A group's sync, from the group and its members as read once under its lock ({@link Read}).
 * Members go as remote ids; members in scope that were never synced have been synced first by
 * {@link ObjectSync} (see {@link MembersFirst}), none while this group's lock was held. Nested
 * groups: {@code flatten} sends the users of the whole subtree; {@code native} sends the direct
 * users and the child groups (as {@code "type": "Group"}, synced first). Where the target has
 * PATCH, the group is written without members and membership goes as add/remove diffs against the
 * members last sent, in chunks of the provider's {@code memberPatchChunk}; otherwise PUT carries
 * the whole list.
 */
final class GroupSync {
  private final Stores stores;
  private final SyncSteps steps;
  private final ProviderPayloads payloads;
  private final RemoteWriter writer;

  /**
   * What a group's sync reads of the stores under its lock, once: the group (empty when it left the
   * directory) and its members, resolved once ({@link PayloadBuilder.Members}: none when the group
   * left).
   */
  record Read(Optional<DirectoryGroup> group, PayloadBuilder.Members members)
      implements ObjectSync.Read {}

  private static final PayloadBuilder.Members NONE =
      new PayloadBuilder.Members(List.of(), List.of());

  GroupSync(Stores stores, SyncSteps steps, ProviderPayloads payloads, RemoteWriter writer) {
    this.stores = stores;
    this.steps = steps;
    this.payloads = payloads;
    this.writer = writer;
  }

  /** Reads the group, and resolves its members for the provider while it is in the directory. */
  Read read(ProviderContext ctx, String groupId) {
    Optional<DirectoryGroup> group = stores.directory().group(groupId);
    return new Read(group, group.isPresent() ? payloads.members(ctx, groupId) : NONE);
  }

  /**
   * Brings the group, as {@code read} under its lock, to the target.
   *
   * @param state its sync state, read under the same lock; null when none
   */
  SyncOutcome sync(
      ProviderContext ctx,
      String groupId,
      @Nullable ObjectSyncState state,
      Read read,
      @Nullable String capturedRemoteId,
      boolean force) {
    Optional<DirectoryGroup> group =
        read.group().filter(g -> ctx.groupScope().includes(MappingInput.group(g, List.of())));
    if (group.isEmpty())
      return steps.remove(ctx, ObjectType.GROUP, groupId, state, capturedRemoteId);
    ObjectNode payload =
        payloads.checked(
            ctx, ObjectType.GROUP, ProviderPayloads.group(group.get(), read.members()));
    ObjectNode attributes = payload.deepCopy();
    attributes.remove("members");
    GroupHash hash = GroupHash.of(payload, attributes);
    SyncDecision.Action action = SyncDecision.of(state, hash.stored(), force);
    if (action == SyncDecision.Action.UNCHANGED) return SyncOutcome.UNCHANGED;
    if (ctx.provider().dryRun())
      return steps.dryRun(ctx, ObjectType.GROUP, groupId, state, payload);
    boolean attributesChanged = SyncDecision.attributesChanged(state, hash, force);
    Progress progress =
        new Progress(ctx, groupId, hash.membersPending().stored(), RemoteWriter.paths(payload));
    Written written =
        RemoteWriter.capabilities(ctx).patch()
            ? writeWithPatch(
                ctx, groupId, state, action, payload, attributes, attributesChanged, progress)
            : writeWithPut(ctx, groupId, state, action, payload);
    steps.record(
        steps.state(
            ctx,
            ObjectType.GROUP,
            groupId,
            written,
            hash.stored(),
            RemoteWriter.paths(payload),
            null));
    return written.outcome();
  }

  /**
   * The payload's hash is {@code <whole>:<attributes without members>}, so a membership change
   * sends no attribute replace.
   */
  private Written writeWithPatch(
      ProviderContext ctx,
      String groupId,
      @Nullable ObjectSyncState state,
      SyncDecision.Action action,
      ObjectNode payload,
      ObjectNode attributes,
      boolean attributesChanged,
      Progress progress) {
    if (action == SyncDecision.Action.CREATE) {
      Written created = writer.createOrLink(ctx, ObjectType.GROUP, groupId, attributes);
      return withMembers(ctx, payload, created, List.of(), progress);
    }
    ObjectSyncState known = Objects.requireNonNull(state, "an update has the group's state");
    Written written =
        attributesChanged
            ? writer.update(
                ctx,
                ObjectType.GROUP,
                groupId,
                SyncDecision.remoteIdOnTarget(known),
                known.version(),
                attributes,
                known.pathsSent(),
                true)
            : new Written(
                SyncOutcome.UPDATED, known.remoteId(), known.version(), known.membersSent());
    List<String> before =
        written.outcome() == SyncOutcome.CREATED ? List.of() : known.membersSent();
    return withMembers(ctx, payload, written, before, progress);
  }

  /** Sends the member changes from {@code before} to the payload's after {@code written}. */
  private Written withMembers(
      ProviderContext ctx,
      ObjectNode payload,
      Written written,
      List<String> before,
      Progress progress) {
    List<String> members = remoteIds(payload);
    String version =
        sendMemberChanges(ctx, written, before, members, groupRemoteIds(payload), progress);
    return new Written(written.outcome(), written.remoteId(), version, members);
  }

  /**
   * The member PATCH chunks, in order. Before the first and after each but the last, the group's
   * state records what the target holds so far (its remote id, the members sent), so a crash
   * part-way neither creates the group again nor resends the chunks that went.
   */
  private @Nullable String sendMemberChanges(
      ProviderContext ctx,
      Written written,
      List<String> before,
      List<String> after,
      Set<String> groups,
      Progress progress) {
    Set<String> add = new LinkedHashSet<>(after);
    before.forEach(add::remove);
    Set<String> remove = new LinkedHashSet<>(before);
    after.forEach(remove::remove);
    String version = written.version();
    int size = memberPatchChunk(ctx);
    List<PatchRequest> chunks = PatchRequest.memberChunks(add, remove, size, groups);
    if (!chunks.isEmpty() && written.outcome() == SyncOutcome.CREATED)
      progress.record(new Written(written.outcome(), written.remoteId(), version, before));
    for (int i = 0; i < chunks.size(); i++) {
      PatchRequest chunk = chunks.get(i);
      String remoteId =
          Objects.requireNonNull(
              written.remoteId(), "the target answered the create without an id");
      RemoteWriter.Versioned<Optional<ScimResource>> answer =
          RemoteWriter.withCurrentVersion(
              ctx,
              ObjectType.GROUP,
              remoteId,
              version,
              current -> ctx.client().patch(ObjectType.GROUP.endpoint(), remoteId, chunk, current));
      version = answer.value().flatMap(ScimResource::version).orElse(answer.version());
      if (i < chunks.size() - 1) {
        List<String> sent = membersAfter(before, add, remove, (i + 1) * size);
        progress.record(new Written(written.outcome(), written.remoteId(), version, sent));
      }
    }
    return version;
  }

  /** The members once the first {@code changes} changes (adds first, then removes) are applied. */
  static List<String> membersAfter(
      List<String> before, Set<String> add, Set<String> remove, int changes) {
    List<String> members = new ArrayList<>(before);
    add.stream().limit(changes).forEach(members::add);
    remove.stream().limit(Math.max(0, changes - add.size())).forEach(members::remove);
    return members;
  }

  /**
   * Writes a group's state part-way through its requests. Its hash says the members are still
   * pending (so the next sync sends the rest), and keeps the attributes' part (so they are not sent
   * again).
   */
  private final class Progress {
    private final ProviderContext ctx;
    private final String groupId;
    private final String hash;
    private final List<String> paths;

    Progress(ProviderContext ctx, String groupId, String hash, List<String> paths) {
      this.ctx = ctx;
      this.groupId = groupId;
      this.hash = hash;
      this.paths = paths;
    }

    void record(Written soFar) {
      steps.record(steps.state(ctx, ObjectType.GROUP, groupId, soFar, hash, paths, null));
    }
  }

  /**
   * The provider's {@code memberPatchChunk} (its profile's unless set); a lower {@code
   * bulk.maxOperations} announced by the target wins, as before profiles.
   */
  static int memberPatchChunk(ProviderContext ctx) {
    int chunk = ctx.provider().switches().memberPatchChunk();
    int announced = RemoteWriter.capabilities(ctx).bulk().maxOperations();
    return announced > 0 ? Math.min(chunk, announced) : chunk;
  }

  private Written writeWithPut(
      ProviderContext ctx,
      String groupId,
      @Nullable ObjectSyncState state,
      SyncDecision.Action action,
      ObjectNode payload) {
    Written written =
        action == SyncDecision.Action.UPDATE
            ? writer.update(
                ctx,
                ObjectType.GROUP,
                groupId,
                SyncDecision.remoteIdOnTarget(
                    Objects.requireNonNull(state, "an update has the group's state")),
                state.version(),
                payload,
                List.of(),
                true)
            : writer.createOrLink(ctx, ObjectType.GROUP, groupId, payload);
    return new Written(
        written.outcome(), written.remoteId(), written.version(), remoteIds(payload));
  }

  private static Set<String> groupRemoteIds(ObjectNode payload) {
    Set<String> ids = new HashSet<>();
    payload
        .path("members")
        .forEach(
            member -> {
              if ("Group".equals(member.path("type").asText()))
                ids.add(member.path("value").asText());
            });
    return ids;
  }

  private static List<String> remoteIds(ObjectNode payload) {
    List<String> ids = new ArrayList<>();
    payload.path("members").forEach(member -> ids.add(member.path("value").asText()));
    return ids;
  }
}
