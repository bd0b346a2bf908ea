package io.scimfleet.job.jobrunr;

import org.jobrunr.storage.JobRunrMetadata;

/**
 * JobRunr's metadata as a field of the hash {@code metadata:<name>}, keyed by owner: {@code
 * createdAt|updatedAt|value} (µs since the epoch).
 */
final class RedisMetadata {
  private RedisMetadata() {}

  static String encode(JobRunrMetadata metadata) {
    return RedisStorageProvider.micros(metadata.getCreatedAt())
        + "|"
        + RedisStorageProvider.micros(metadata.getUpdatedAt())
        + "|"
        + metadata.getValue();
  }

  static JobRunrMetadata decode(String name, String owner, String stored) {
    int first = stored.indexOf('|');
    int second = stored.indexOf('|', first + 1);
    return new JobRunrMetadata(
        name,
        owner,
        stored.substring(second + 1),
        RedisStorageProvider.instant(Long.parseLong(stored.substring(0, first))),
        RedisStorageProvider.instant(Long.parseLong(stored.substring(first + 1, second))));
  }
}
