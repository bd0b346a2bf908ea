package io.scimfleet.scheduler.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM the fleet's pods run: {@code JAVA_TOOL_OPTIONS} of {@code deploy/docker/Dockerfile} (the
 * chart and Jib hold the same, {@code deploy}'s tests say so) in a container of the chart's memory
 * limit ({@code -XX:MaxRAM}, so that the heap is sized as in the pod), with the collector the JVM
 * picks in such a container: below {@value #SERVER_CLASS_MEBIBYTES} MiB it is not a "server class
 * machine" and runs the serial collector, a choice {@code -XX:MaxRAM} alone does not move. The
 * benchmarks start the fleet's processes so, to measure the fleet as deployed; {@code
 * BENCH_JVM=default} starts them with the JVM's defaults instead (to compare).
 */
final class DeployedJvm {
  static final Path DOCKERFILE = Path.of("deploy", "docker", "Dockerfile");
  static final Path CHART_VALUES = Path.of("deploy", "helm", "scim-fleet", "values.yaml");
  private static final Pattern TOOL_OPTIONS = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"");
  private static final Pattern MEBIBYTES = Pattern.compile("(\\d+)(Mi|Gi)");

  /** Below this much memory the JVM (17) picks the serial collector (2 GiB less 256 MiB). */
  static final long SERVER_CLASS_MEBIBYTES = 1_792;

  /** A process of the fleet, named as the chart's values name its section. */
  enum Component {
    SCHEDULER("scheduler"),
    WORKER("workers");

    private final String values;

    Component(String values) {
      this.values = values;
    }
  }

  private DeployedJvm() {}

  /**
   * The options the benchmark's {@code component} runs with: the deployed ones, or none with
   * BENCH_JVM=default.
   */
  static List<String> forBench(Component component) {
    if ("default".equals(System.getenv("BENCH_JVM"))) return List.of();
    return inContainer(of(read(DOCKERFILE)), memoryLimitMebibytes(read(CHART_VALUES), component));
  }

  /** The image's {@code options} in a container of {@code mebibytes} of memory. */
  static List<String> inContainer(List<String> options, long mebibytes) {
    List<String> jvm = new ArrayList<>(options);
    jvm.add("-XX:MaxRAM=" + mebibytes + "m");
    boolean collectorChosen = options.stream().anyMatch(option -> option.endsWith("GC"));
    if (mebibytes < SERVER_CLASS_MEBIBYTES && !collectorChosen) jvm.add("-XX:+UseSerialGC");
    return jvm;
  }

  /** The options of a Dockerfile's {@code JAVA_TOOL_OPTIONS="…"}. */
  static List<String> of(String dockerfile) {
    Matcher matcher = TOOL_OPTIONS.matcher(dockerfile);
    if (!matcher.find())
      throw new IllegalStateException("no JAVA_TOOL_OPTIONS=\"…\" in the Dockerfile");
    String options = matcher.group(1).trim();
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+", -1));
  }

  /** The memory limit of {@code component}'s pods in the chart's values, in MiB. */
  static long memoryLimitMebibytes(String values, Component component) {
    JsonNode limit;
    try {
      limit =
          new ObjectMapper(new YAMLFactory())
              .readTree(values)
              .path(component.values)
              .path("resources")
              .path("limits")
              .path("memory");
    } catch (IOException e) {
      throw new UncheckedIOException("the chart's values are not YAML", e);
    }
    Matcher size = MEBIBYTES.matcher(limit.asText());
    if (!size.matches())
      throw new IllegalStateException(
          "the chart's "
              + component.values
              + ".resources.limits.memory is not a size in Mi or Gi: '"
              + limit.asText()
              + "'");
    long amount = Long.parseLong(size.group(1));
    return "Gi".equals(size.group(2)) ? amount * 1024 : amount;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "run the benchmark from the repository's root (bench/*.sh do): " + file, e);
    }
  }
}
