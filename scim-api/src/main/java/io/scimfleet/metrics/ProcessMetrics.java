package io.scimfleet.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;
import java.util.Set;

/**
 * The JVM and process series every process of ours (worker, scheduler, all-in-one) publishes:
 * memory, GC pauses, heap pressure, threads, class loading, CPU, uptime and file descriptors. Close
 * it on shutdown: the GC and heap-pressure binders listen to the JVM's GC notifications.
 */
public final class ProcessMetrics implements MeterBinder, AutoCloseable {
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();

  /** Binds the process series to the registry; the caller closes the result on shutdown. */
  public static ProcessMetrics boundTo(MeterRegistry registry) {
    ProcessMetrics metrics = new ProcessMetrics();
    metrics.bindTo(registry);
    return metrics;
  }

  /** Series whose names Prometheus' conventions reject ({@code promtool check metrics}). */
  private static final Set<String> LEFT_OUT =
      Set.of(
          "process.cpu.time", // rendered process_cpu_time_ns_total: an abbreviated unit
          "system.cpu.count"); // a gauge named _count; process_cpu_usage is already per core

  @Override
  public void bindTo(MeterRegistry registry) {
    registry.config().meterFilter(MeterFilter.deny(id -> LEFT_OUT.contains(id.getName())));
    List.<MeterBinder>of(
            new JvmMemoryMetrics(),
            gc,
            heapPressure,
            new JvmThreadMetrics(),
            new ClassLoaderMetrics(),
            new ProcessorMetrics(),
            new UptimeMetrics(),
            new FileDescriptorMetrics())
        .forEach(binder -> binder.bindTo(registry));
  }

  @Override
  public void close() {
    gc.close();
    heapPressure.close();
  }
}
