package io.scimfleet.job;

import io.scimfleet.model.ObjectType;
import java.util.List;

/**
 * One page (at most 100 objects) of a full sync. {@code page} counts from 1.
 *
 * @param force send every object even when its payload is unchanged
 */
public record SyncPageRequest(
    String provider,
    String runId,
    ObjectType type,
    int page,
    int pages,
    List<String> objectIds,
    boolean force)
    implements FleetJob {

  public SyncPageRequest {
    objectIds = List.copyOf(objectIds);
  }

  @Override
  public Class<SyncPageHandler> handlerType() {
    return SyncPageHandler.class;
  }

  @Override
  public String jobName() {
    return "full sync " + provider + ": " + type.label() + "s page " + page + "/" + pages;
  }
}
