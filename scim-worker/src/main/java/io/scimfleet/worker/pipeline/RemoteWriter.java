package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.DeleteMode;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.scim.Capabilities;
import io.scimfleet.scim.ConflictException;
import io.scimfleet.scim.NotFoundException;
import io.scimfleet.scim.PatchRequest;
import io.scimfleet.scim.PreconditionFailedException;
import io.scimfleet.scim.ScimException;
import io.scimfleet.scim.ScimResource;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The requests that put one object's payload on its target: create, or link the existing object on
 * a 409; update by PATCH or PUT (users per the provider's {@code userUpdate}, groups per
 * discovery), removing the attributes sent before that the payload no longer has, recreating once
 * on a 404; delete or deactivate. A write answered 412 (our ETag is stale: someone else changed the
 * object) re-reads the object and is sent once more with its current ETag. A create is safe to send
 * again after a crash: see {@link CreateIntents}.
 */
final class RemoteWriter {
  private final CreateIntents intents;

  RemoteWriter(CreateIntents intents) {
    this.intents = intents;
  }

  /** The intents this writer records before each create. */
  CreateIntents intents() {
    return intents;
  }

  /** A create sent before a crash, now linked: counted as the create it was. */
  private static Written created(Written linked) {
    return new Written(
        SyncOutcome.CREATED, linked.remoteId(), linked.version(), linked.membersSent());
  }

  /**
   * Creates the object; on 409 finds it by the provider's {@code matchOn} attribute and links it,
   * then updates it. With {@code adoptExisting} it searches first and links the one match without a
   * create.
   */
  Written createOrLink(ProviderContext ctx, ObjectType type, String objectId, ObjectNode payload) {
    if (ctx.provider().adoptExisting()) {
      Optional<ScimResource> existing = ExistingObjects.find(ctx, type, payload);
      if (existing.isPresent()) return link(ctx, type, existing.get(), payload);
    }
    Optional<ScimResource> earlier = intents.createdBefore(ctx, type, objectId, payload);
    if (earlier.isPresent()) return created(link(ctx, type, earlier.get(), payload));
    intents.intend(ctx, type, List.of(objectId));
    try {
      ScimResource created = ctx.client().create(type.endpoint(), payload);
      return new Written(
          SyncOutcome.CREATED, created.id(), created.version().orElse(null), List.of());
    } catch (ConflictException conflict) {
      return linkExisting(ctx, type, payload, conflict);
    } catch (ScimException refused) {
      intents.answered(ctx, type, List.of(objectId), refused.status());
      throw refused;
    }
  }

  /**
   * After a 409 on a create: finds the object by {@code matchOn}, links and updates it; none found:
   * the 409.
   */
  Written linkExisting(
      ProviderContext ctx, ObjectType type, ObjectNode payload, ConflictException conflict) {
    return link(
        ctx, type, ExistingObjects.find(ctx, type, payload).orElseThrow(() -> conflict), payload);
  }

  private Written link(
      ProviderContext ctx, ObjectType type, ScimResource existing, ObjectNode payload) {
    return update(
        ctx,
        type,
        null, // no recreate: the object id is not needed
        Objects.requireNonNull(existing.id(), "the target found an object without an id"),
        existing.version().orElse(null),
        payload,
        List.of(),
        false);
  }

  /**
   * Updates attributes other than members; on 404 recreates once when {@code recreate}.
   *
   * @param pathsBefore the top-level attributes sent last time: those not in {@code payload} are
   *     removed
   */
  Written update(
      ProviderContext ctx,
      ObjectType type,
      @Nullable String objectId,
      String remoteId,
      @Nullable String version,
      ObjectNode payload,
      List<String> pathsBefore,
      boolean recreate) {
    try {
      Versioned<Optional<ScimResource>> answer =
          withCurrentVersion(
              ctx,
              type,
              remoteId,
              version,
              current -> write(ctx, type, remoteId, current, payload, pathsBefore));
      String newVersion = answer.value().flatMap(ScimResource::version).orElse(answer.version());
      return new Written(SyncOutcome.UPDATED, remoteId, newVersion, List.of());
    } catch (NotFoundException gone) {
      if (!recreate) throw gone;
      Written created =
          createOrLink(
              ctx,
              type,
              Objects.requireNonNull(objectId, "a recreate needs the object id"),
              payload);
      return new Written(SyncOutcome.CREATED, created.remoteId(), created.version(), List.of());
    }
  }

  /**
   * Removes what the fleet put on the target, per the provider's delete mode (groups are always
   * deleted).
   */
  SyncOutcome remove(
      ProviderContext ctx, ObjectType type, String remoteId, @Nullable ObjectSyncState state) {
    if (deactivates(ctx, type)) {
      if (SyncDecision.removedBefore(state, true)) return SyncOutcome.UNCHANGED;
      withCurrentVersion(
          ctx,
          type,
          remoteId,
          state == null ? null : state.version(),
          current ->
              ctx.client()
                  .patch(
                      type.endpoint(),
                      remoteId,
                      PatchRequest.builder().replace("active", false).build(),
                      current));
      return SyncOutcome.DEACTIVATED;
    }
    try {
      withCurrentVersion(
          ctx,
          type,
          remoteId,
          state == null ? null : state.version(),
          current -> {
            ctx.client().delete(type.endpoint(), remoteId, current);
            return null;
          });
    } catch (NotFoundException alreadyGone) {
      // the target no longer has it: that is what we wanted
    }
    return SyncOutcome.DELETED;
  }

  /** A request's answer and the version it was sent with. */
  record Versioned<T>(T value, @Nullable String version) {}

  /**
   * Sends {@code request} with {@code If-Match: version} (when the target uses ETags); on a 412
   * reads the object for its current version and sends it once more with that one. A second 412 is
   * thrown.
   */
  static <T> Versioned<T> withCurrentVersion(
      ProviderContext ctx,
      ObjectType type,
      String remoteId,
      @Nullable String version,
      Function<@Nullable String, T> request) {
    try {
      return new Versioned<>(request.apply(ifMatch(ctx, version)), version);
    } catch (PreconditionFailedException stale) {
      String current =
          ctx.client()
              .get(type.endpoint(), remoteId, GroupReads.excluded(ctx, type))
              .version()
              .orElse(null);
      return new Versioned<>(request.apply(ifMatch(ctx, current)), current);
    }
  }

  /** True when removing this type means {@code active=false} rather than a delete. */
  static boolean deactivates(ProviderContext ctx, ObjectType type) {
    return type == ObjectType.USER && ctx.provider().deleteMode() == DeleteMode.DEACTIVATE;
  }

  private Optional<ScimResource> write(
      ProviderContext ctx,
      ObjectType type,
      String remoteId,
      @Nullable String version,
      ObjectNode payload,
      List<String> pathsBefore) {
    if (!patches(ctx, type)) {
      return Optional.of(
          ctx.client().replace(type.endpoint(), remoteId, withId(payload, remoteId), version));
    }
    PatchRequest patch = replaceAll(payload, pathsBefore);
    if (patch.isEmpty()) return Optional.empty();
    return ctx.client().patch(type.endpoint(), remoteId, patch, version);
  }

  /**
   * One {@code replace} per attribute the mappings produced, members aside (they go as diffs), and
   * one {@code remove} per attribute sent before that they no longer produce.
   */
  static PatchRequest replaceAll(ObjectNode payload, List<String> pathsBefore) {
    PatchRequest.Builder builder = PatchRequest.builder();
    List<String> now = paths(payload);
    pathsBefore.stream().filter(path -> !now.contains(path)).forEach(builder::remove);
    Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields = payload.fields();
    while (fields.hasNext()) {
      Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field = fields.next();
      if (!field.getKey().equals("schemas") && !field.getKey().equals("members")) {
        builder.replace(field.getKey(), field.getValue());
      }
    }
    return builder.build();
  }

  /**
   * The payload's top-level attributes, but {@code schemas} and {@code members}: what an update
   * replaces.
   */
  static List<String> paths(ObjectNode payload) {
    List<String> paths = new java.util.ArrayList<>();
    payload
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!name.equals("schemas") && !name.equals("members")) paths.add(name);
            });
    return paths;
  }

  /**
   * Users: per the provider's {@code userUpdate} ({@code auto} asks discovery); groups: PATCH when
   * discovery announces it.
   */
  static boolean patches(ProviderContext ctx, ObjectType type) {
    if (type != ObjectType.USER) return capabilities(ctx).patch();
    return switch (ctx.provider().switches().userUpdate()) {
      case PATCH -> true;
      case PUT -> false;
      case AUTO -> capabilities(ctx).patch();
    };
  }

  /**
   * A PUT replaces the whole resource: the body carries the target's {@code id} with the mapped
   * attributes.
   */
  static ObjectNode withId(ObjectNode payload, String remoteId) {
    ObjectNode body = payload.deepCopy();
    body.put("id", remoteId);
    return body;
  }

  /**
   * The version to send as {@code If-Match}: none when ETags are off for the provider or not
   * announced.
   */
  static @Nullable String ifMatch(ProviderContext ctx, @Nullable String version) {
    return version != null && ctx.provider().switches().etag().allows(capabilities(ctx).etag())
        ? version
        : null;
  }

  static Capabilities capabilities(ProviderContext ctx) {
    return ctx.client().capabilities();
  }
}
