package io.scimfleet.job.jobrunr;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobId;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.JobStatsEnricher;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.listeners.BackgroundJobServerStatusChangeListener;
import org.jobrunr.storage.listeners.JobChangeListener;
import org.jobrunr.storage.listeners.JobStatsChangeListener;
import org.jobrunr.storage.listeners.MetadataChangeListener;
import org.jobrunr.storage.listeners.StorageProviderChangeListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change listeners of a storage provider (JobRunr's dashboard and its Micrometer binder): told
 * on a thread of their own every {@link #EVERY_SECONDS} s while any listens, and soon after a
 * change (job stats at most once per pending change, metadata at once). Nothing runs while nobody
 * listens.
 */
final class StorageChangeNotifier implements AutoCloseable {
  static final int EVERY_SECONDS = 5;
  private static final Logger log = LoggerFactory.getLogger(StorageChangeNotifier.class);

  private final StorageProvider storage;
  private final Set<StorageProviderChangeListener> listeners = ConcurrentHashMap.newKeySet();
  private final JobStatsEnricher enricher = new JobStatsEnricher();
  private final AtomicBoolean statsPending = new AtomicBoolean();
  private @Nullable ScheduledExecutorService executor;

  StorageChangeNotifier(StorageProvider storage) {
    this.storage = storage;
  }

  synchronized void add(StorageProviderChangeListener listener) {
    listeners.add(listener);
    if (executor != null) return;
    executor =
        Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("scim-job-storage-notifier"));
    var unused =
        executor.scheduleWithFixedDelay(this::notifyAllNow, 3, EVERY_SECONDS, TimeUnit.SECONDS);
  }

  synchronized void remove(StorageProviderChangeListener listener) {
    listeners.remove(listener);
    if (listeners.isEmpty()) close();
  }

  /** Jobs changed: job stats listeners are told soon (once for changes that come together). */
  void jobsChanged() {
    if (statsPending.compareAndSet(false, true)) submit(this::notifyJobStats);
  }

  void metadataChanged() {
    submit(this::notifyMetadata);
  }

  private synchronized void submit(Runnable task) {
    if (executor == null) return;
    try {
      executor.execute(task);
    } catch (RejectedExecutionException closing) {
      log.debug("storage change not notified: closing");
    }
  }

  private void notifyAllNow() {
    notifyJobStats();
    notifyJobs();
    notifyServers();
    notifyMetadata();
  }

  private void notifyJobStats() {
    statsPending.set(false);
    List<JobStatsChangeListener> stats = listenersOf(JobStatsChangeListener.class);
    if (stats.isEmpty()) return;
    quietly(
        () -> {
          var extended = enricher.enrich(storage.getJobStats());
          stats.forEach(listener -> listener.onChange(extended));
        });
  }

  private void notifyJobs() {
    Map<JobId, List<JobChangeListener>> byJob =
        listenersOf(JobChangeListener.class).stream()
            .collect(Collectors.groupingBy(JobChangeListener::getJobId));
    byJob.forEach(
        (id, jobListeners) ->
            quietly(
                () -> {
                  try {
                    Job job = storage.getJobById(id);
                    jobListeners.forEach(listener -> listener.onChange(job));
                  } catch (JobNotFoundException gone) {
                    jobListeners.forEach(StorageChangeNotifier::closeQuietly);
                  }
                }));
  }

  private void notifyServers() {
    List<BackgroundJobServerStatusChangeListener> servers =
        listenersOf(BackgroundJobServerStatusChangeListener.class);
    if (servers.isEmpty()) return;
    quietly(
        () -> {
          var statuses = storage.getBackgroundJobServers();
          servers.forEach(listener -> listener.onChange(statuses));
        });
  }

  private void notifyMetadata() {
    listenersOf(MetadataChangeListener.class).stream()
        .collect(Collectors.groupingBy(MetadataChangeListener::listenForChangesOfMetadataName))
        .forEach(
            (name, named) ->
                quietly(
                    () -> {
                      var metadata = storage.getMetadata(name);
                      named.forEach(listener -> listener.onChange(metadata));
                    }));
  }

  private <T> List<T> listenersOf(Class<T> type) {
    return listeners.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static void quietly(Runnable notification) {
    try {
      notification.run();
    } catch (RuntimeException e) {
      log.debug("storage change listener not told: {}", e.toString());
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.debug("closing a job change listener failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void close() {
    if (executor != null) executor.shutdownNow();
    executor = null;
    statsPending.set(false);
  }
}
