package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.mapping.MappingInput;
import io.scimfleet.mapping.MappingLimits;
import io.scimfleet.mapping.Mappings;
import io.scimfleet.mapping.ObjectScope;
import io.scimfleet.mapping.PayloadBuilder;
import io.scimfleet.mapping.ProviderMappings;
import io.scimfleet.model.DeleteMode;
import io.scimfleet.model.DirectoryGroup;
import io.scimfleet.model.DirectoryUser;
import io.scimfleet.model.ObjectSyncState;
import io.scimfleet.model.ObjectType;
import io.scimfleet.model.Provider;
import io.scimfleet.model.SyncOutcome;
import io.scimfleet.schema.ScimSchemaValidator;
import io.scimfleet.store.DirectoryStore;
import io.scimfleet.store.Page;
import io.scimfleet.store.Stores;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Computes a {@link PlanView}: walks the directory a page at a time and, for each object, maps it
 * with the stored settings ("before") and the proposed ones ("after"), with the worker's {@link
 * PayloadBuilder}, scope filters and scope groups; whether it is on the target comes from its sync
 * state. The sync states keep only a hash of the payload last sent, so "before" is what the current
 * settings map now. Nothing is written and nothing is sent.
 */
final class Planner {
  static final int SAMPLES = 20;

  private final Stores stores;
  private final PayloadBuilder payloads;

  private final MappingLimits limits;

  Planner(Stores stores, ScimSchemaValidator validator, MappingLimits limits) {
    this.stores = stores;
    this.limits = limits;
    this.payloads = new PayloadBuilder(stores.directory(), stores.syncState(), validator);
  }

  /** One provider's settings, compiled once for the walk. */
  private record Side(
      Provider provider,
      Mappings users,
      Mappings groups,
      ObjectScope userScope,
      ObjectScope groupScope) {
    Mappings mappings(ObjectType type) {
      return type == ObjectType.USER ? users : groups;
    }

    ObjectScope scope(ObjectType type) {
      return type == ObjectType.USER ? userScope : groupScope;
    }
  }

  /** An object mapped by one side: out of scope, or its payload, or why it cannot be built. */
  private record Mapped(boolean inScope, @Nullable ObjectNode resource, @Nullable String error) {}

  PlanView plan(Provider proposed, Optional<Provider> current) {
    long version = stores.directory().version();
    Side after = side(proposed);
    Side before = current.map(this::side).orElse(null);
    PlanTally tally = new PlanTally();
    walkUsers(tally, before, after);
    walkGroups(tally, before, after);
    return new PlanView(
        PlanId.of(proposed, current, version),
        proposed.name(),
        current.isEmpty(),
        version,
        tally.users(),
        tally.groups(),
        tally.attributes(),
        tally.samples());
  }

  private Side side(Provider provider) {
    DirectoryStore directory = stores.directory();
    return new Side(
        provider,
        ProviderMappings.compile(provider, ObjectType.USER, limits),
        ProviderMappings.compile(provider, ObjectType.GROUP, limits),
        ProviderMappings.scope(provider, ObjectType.USER, directory, limits),
        ProviderMappings.scope(provider, ObjectType.GROUP, directory, limits));
  }

  private void walkUsers(PlanTally tally, @Nullable Side before, Side after) {
    String name = after.provider().name();
    String cursor = null;
    do {
      Page<String> page = stores.directory().userIds(cursor, DirectoryStore.PAGE_SIZE);
      List<DirectoryUser> users = stores.directory().users(page.items());
      Map<String, MappingInput> inputs = payloads.users(name, PayloadBuilder.UNASKED, users);
      Map<String, ObjectSyncState> states =
          stores.syncState().getAll(name, ObjectType.USER, page.items());
      inputs.forEach(
          (id, input) ->
              judge(tally, ObjectType.USER, id, states.get(id), before, input, after, input));
      cursor = page.nextCursor();
    } while (cursor != null);
  }

  private void walkGroups(PlanTally tally, @Nullable Side before, Side after) {
    String name = after.provider().name();
    String cursor = null;
    do {
      Page<String> page = stores.directory().groupIds(cursor, DirectoryStore.PAGE_SIZE);
      Map<String, ObjectSyncState> states =
          stores.syncState().getAll(name, ObjectType.GROUP, page.items());
      for (DirectoryGroup group : stores.directory().groups(page.items())) {
        MappingInput afterInput = groupInput(after, group);
        MappingInput beforeInput =
            before == null || before.provider().nestedGroups() == after.provider().nestedGroups()
                ? afterInput
                : groupInput(before, group);
        judge(
            tally,
            ObjectType.GROUP,
            group.id(),
            states.get(group.id()),
            before,
            beforeInput,
            after,
            afterInput);
      }
      cursor = page.nextCursor();
    } while (cursor != null);
  }

  private MappingInput groupInput(Side side, DirectoryGroup group) {
    Provider provider = side.provider();
    return payloads.group(provider.name(), provider.nestedGroups(), group);
  }

  /** Counts (and samples) what the proposed settings do to one object. */
  private void judge(
      PlanTally tally,
      ObjectType type,
      String id,
      @Nullable ObjectSyncState state,
      @Nullable Side before,
      MappingInput beforeInput,
      Side after,
      MappingInput afterInput) {
    boolean user = type == ObjectType.USER;
    boolean onTarget = state != null && state.remoteId() != null;
    boolean deactivated = state != null && onTarget && state.outcome() == SyncOutcome.DEACTIVATED;
    Mapped proposed = map(after, type, afterInput);
    Mapped current = before == null || !onTarget ? null : map(before, type, beforeInput);
    ObjectNode was = current == null ? null : current.resource();
    if (!proposed.inScope()) {
      if (!onTarget) {
        tally.count(user, PlanTally.Action.OUT_OF_SCOPE);
      } else if (user && after.provider().deleteMode() == DeleteMode.DEACTIVATE) {
        if (deactivated) tally.count(true, PlanTally.Action.UNCHANGED);
        else record(tally, type, id, PlanTally.Action.DEACTIVATE, was, null, null);
      } else {
        record(tally, type, id, PlanTally.Action.DELETE, was, null, null);
      }
    } else if (proposed.error() != null) {
      record(tally, type, id, PlanTally.Action.FAILING, was, null, proposed.error());
    } else if (!onTarget) {
      record(tally, type, id, PlanTally.Action.CREATE, null, proposed.resource(), null);
    } else {
      List<String> changed = PayloadDiff.changed(was, proposed.resource());
      if (changed.isEmpty() && !deactivated) {
        tally.count(user, PlanTally.Action.UNCHANGED);
      } else {
        tally.changed(changed);
        record(tally, type, id, PlanTally.Action.UPDATE, was, proposed.resource(), null);
      }
    }
  }

  private static void record(
      PlanTally tally,
      ObjectType type,
      String id,
      PlanTally.Action action,
      @Nullable ObjectNode before,
      @Nullable ObjectNode after,
      @Nullable String error) {
    tally.count(type == ObjectType.USER, action);
    tally.sample(
        new PlanView.Sample(
            type.label(),
            id,
            action.label(),
            PayloadDiff.changed(before, after),
            before,
            after,
            error));
  }

  private Mapped map(Side side, ObjectType type, MappingInput input) {
    if (!side.scope(type).includes(input)) return new Mapped(false, null, null);
    try {
      PayloadBuilder.Payload payload =
          payloads.build(side.provider(), side.mappings(type), type, input);
      if (!payload.valid())
        return new Mapped(true, payload.resource(), "invalid: " + payload.violations());
      return new Mapped(true, payload.resource(), null);
    } catch (RuntimeException e) {
      return new Mapped(true, null, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }
}
