package io.scimfleet.job;

import io.scimfleet.model.ObjectType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sync several changed objects (at most {@link #MAX_OBJECTS}) to one provider in one job, reading
 * each one's latest state when the job runs: what a burst of changes (an import, a reorganisation)
 * becomes, where a trickle gets one {@link SyncObjectRequest} per object. Each object keeps its own
 * pending mark and its own sync state.
 */
public record SyncObjectsRequest(String provider, List<Item> objects) implements FleetJob {
  public static final int MAX_OBJECTS = 100;

  /** One object of the job; {@code remoteIdAtDelete} as in {@link SyncObjectRequest}. */
  public record Item(ObjectType type, String objectId, @Nullable String remoteIdAtDelete) {
    public static Item of(SyncObjectRequest single) {
      return new Item(single.type(), single.objectId(), single.remoteIdAtDelete());
    }
  }

  public SyncObjectsRequest {
    objects = List.copyOf(objects);
    if (objects.isEmpty() || objects.size() > MAX_OBJECTS) {
      throw new IllegalArgumentException(
          "a multi-object job holds 1 to " + MAX_OBJECTS + " objects, not " + objects.size());
    }
  }

  @Override
  public Class<SyncObjectsHandler> handlerType() {
    return SyncObjectsHandler.class;
  }

  @Override
  public String jobName() {
    Item first = objects.get(0);
    return "sync "
        + objects.size()
        + " changed objects ("
        + first.type().label()
        + " "
        + first.objectId()
        + (objects.size() > 1 ? " …" : "")
        + ") → "
        + provider;
  }
}
