package io.scimfleet.worker.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.ObjectType;
import io.scimfleet.scim.ScimResource;
import io.scimfleet.store.SyncStateStore;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates that are safe to send again: the intent to create an object is recorded before its create
 * is sent and ends when its remote id is stored ({@link SyncStateStore#put}). An object whose
 * intent is still there was perhaps created by a worker that died before it could record it: before
 * it is created again it is looked for on the target ({@link ExistingObjects#sentBefore}: by the
 * provider's {@code matchOn} attribute, else {@code externalId}) and linked when found. So a target
 * that takes a second user with the same {@code userName} gets none.
 */
final class CreateIntents {
  private final SyncStateStore syncState;
  private final Clock clock;

  CreateIntents(SyncStateStore syncState, Clock clock) {
    this.syncState = syncState;
    this.clock = clock;
  }

  /** Recorded before the creates of these objects are sent. */
  void intend(ProviderContext ctx, ObjectType type, Collection<String> objectIds) {
    syncState.recordCreateIntents(ctx.name(), type, objectIds, attempt());
  }

  /**
   * After a create's answer: a {@link #refusal} created nothing, so the object's intent ends; a
   * server error, no answer or a garbled one may hide a create, so it stays (and the next attempt
   * looks for the object first).
   */
  void answered(ProviderContext ctx, ObjectType type, Collection<String> objectIds, int status) {
    if (refusal(status)) refused(ctx, type, objectIds);
  }

  /** These objects' creates were refused: nothing was created, their intents end. */
  void refused(ProviderContext ctx, ObjectType type, Collection<String> objectIds) {
    syncState.forgetCreateIntents(ctx.name(), type, objectIds);
  }

  /** 4xx but 409 (the object exists: it is linked), and 501 (no such operation here). */
  static boolean refusal(int status) {
    return (status >= 400 && status < 500 && status != 409) || status == 501;
  }

  /** The objects among these whose create was sent before and never recorded. */
  Set<String> unsettled(ProviderContext ctx, ObjectType type, Collection<String> objectIds) {
    return syncState.createIntents(ctx.name(), type, objectIds);
  }

  /**
   * The object a create sent before (and not recorded) made on the target, when there was such a
   * create and the target has it.
   */
  Optional<ScimResource> createdBefore(
      ProviderContext ctx, ObjectType type, String objectId, ObjectNode payload) {
    if (unsettled(ctx, type, List.of(objectId)).isEmpty()) return Optional.empty();
    return ExistingObjects.sentBefore(ctx, type, payload);
  }

  private String attempt() {
    return clock.instant() + " " + UUID.randomUUID();
  }
}
