package io.scimfleet.job.jobrunr;

import org.jspecify.annotations.Nullable;

/**
 * A stored job whose JSON the fleet refuses to load ({@link FleetJsonMapper}): nothing of it was
 * instantiated. The storage sets it aside ({@link RedisStorageProvider}) and counts it.
 */
final class RefusedJobData extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RefusedJobData(String why, @Nullable Throwable cause) {
    super("job data refused: " + why, cause);
  }
}
