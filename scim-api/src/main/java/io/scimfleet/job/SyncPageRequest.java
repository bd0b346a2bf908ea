package io.scimfleet.job;

import io.scimfleet.model.ObjectType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One page (at most 100 objects) of a full sync. {@code page} counts from 1.
 *
 * @param force send every object even when its payload is unchanged
 * @param inFlight how many pages of this phase were let run at once when it was planned: pages
 *     after those are held, and each page, once recorded (or interrupted), releases the page {@code
 *     inFlight} numbers after its own; 0 (a page planned before windows existed) releases none
 */
public record SyncPageRequest(
    String provider,
    String runId,
    ObjectType type,
    int page,
    int pages,
    List<String> objectIds,
    boolean force,
    int inFlight)
    implements FleetJob {

  public SyncPageRequest {
    objectIds = List.copyOf(objectIds);
  }

  /** The page's job id: stable, so that a held page can be released by its place. */
  @Override
  public UUID stableId() {
    return idOf(runId, type, page);
  }

  /** The job id of page {@code page} of {@code type} in run {@code runId}. */
  public static UUID idOf(String runId, ObjectType type, int page) {
    return UUID.nameUUIDFromBytes(
        ("page " + runId + " " + type.label() + " " + page).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The held page this one releases: {@code inFlight} numbers after its own, so that the window's
   * pages each lead a chain; none past the last page or without a window.
   */
  @Override
  public Optional<UUID> successor() {
    int next = page + inFlight;
    return inFlight > 0 && next <= pages ? Optional.of(idOf(runId, type, next)) : Optional.empty();
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
