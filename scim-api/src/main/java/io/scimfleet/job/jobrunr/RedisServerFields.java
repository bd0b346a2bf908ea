package io.scimfleet.job.jobrunr;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jobrunr.storage.BackgroundJobServerStatus;
import org.jspecify.annotations.Nullable;

/** A job server's registration as the fields of its Redis hash (times in µs since the epoch). */
final class RedisServerFields {
  private RedisServerFields() {}

  static Map<String, String> of(BackgroundJobServerStatus status) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", status.getId().toString());
    fields.put("name", status.getName());
    fields.put("workerPoolSize", String.valueOf(status.getWorkerPoolSize()));
    fields.put("pollIntervalInSeconds", String.valueOf(status.getPollIntervalInSeconds()));
    fields.put("deleteSucceededJobsAfter", status.getDeleteSucceededJobsAfter().toString());
    fields.put(
        "permanentlyDeleteDeletedJobsAfter",
        status.getPermanentlyDeleteDeletedJobsAfter().toString());
    fields.put(
        "firstHeartbeat", String.valueOf(RedisStorageProvider.micros(status.getFirstHeartbeat())));
    fields.putAll(heartbeat(status));
    return fields;
  }

  /** What a heartbeat changes. */
  static Map<String, String> heartbeat(BackgroundJobServerStatus status) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(
        "lastHeartbeat", String.valueOf(RedisStorageProvider.micros(status.getLastHeartbeat())));
    fields.put("running", status.isRunning() ? "1" : "0");
    fields.put("systemTotalMemory", String.valueOf(status.getSystemTotalMemory()));
    fields.put("systemFreeMemory", String.valueOf(status.getSystemFreeMemory()));
    fields.put("systemCpuLoad", String.valueOf(status.getSystemCpuLoad()));
    fields.put("processMaxMemory", String.valueOf(status.getProcessMaxMemory()));
    fields.put("processFreeMemory", String.valueOf(status.getProcessFreeMemory()));
    fields.put("processAllocatedMemory", String.valueOf(status.getProcessAllocatedMemory()));
    fields.put("processCpuLoad", String.valueOf(status.getProcessCpuLoad()));
    return fields;
  }

  static BackgroundJobServerStatus toStatus(Map<String, String> fields) {
    return new BackgroundJobServerStatus(
        UUID.fromString(fields.get("id")),
        fields.get("name"),
        Integer.parseInt(fields.get("workerPoolSize")),
        Integer.parseInt(fields.get("pollIntervalInSeconds")),
        Duration.parse(fields.get("deleteSucceededJobsAfter")),
        Duration.parse(fields.get("permanentlyDeleteDeletedJobsAfter")),
        RedisStorageProvider.instant(Long.parseLong(fields.get("firstHeartbeat"))),
        RedisStorageProvider.instant(Long.parseLong(fields.get("lastHeartbeat"))),
        "1".equals(fields.get("running")),
        asLong(fields.get("systemTotalMemory")),
        asLong(fields.get("systemFreeMemory")),
        asDouble(fields.get("systemCpuLoad")),
        asLong(fields.get("processMaxMemory")),
        asLong(fields.get("processFreeMemory")),
        asLong(fields.get("processAllocatedMemory")),
        asDouble(fields.get("processCpuLoad")));
  }

  private static @Nullable Long asLong(@Nullable String value) {
    return value == null || value.equals("null") ? null : Long.valueOf(value);
  }

  private static @Nullable Double asDouble(@Nullable String value) {
    return value == null || value.equals("null") ? null : Double.valueOf(value);
  }
}
