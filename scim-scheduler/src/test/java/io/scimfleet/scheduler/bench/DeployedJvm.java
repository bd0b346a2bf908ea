package io.scimfleet.scheduler.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options the fleet's images run with: {@code JAVA_TOOL_OPTIONS} of {@code
 * deploy/docker/Dockerfile} (the chart and Jib hold the same, {@code deploy}'s tests say so). The
 * benchmarks start the fleet's processes with them, so that they measure the fleet as deployed;
 * {@code BENCH_JVM=default} starts them with the JVM's defaults instead (to compare).
 */
final class DeployedJvm {
  static final Path DOCKERFILE = Path.of("deploy", "docker", "Dockerfile");
  private static final Pattern TOOL_OPTIONS = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"");

  private DeployedJvm() {}

  /**
   * The options the benchmark's fleet runs with: the deployed ones, or none with BENCH_JVM=default.
   */
  static List<String> forBench() {
    return "default".equals(System.getenv("BENCH_JVM")) ? List.of() : of(read(DOCKERFILE));
  }

  /** The options of a Dockerfile's {@code JAVA_TOOL_OPTIONS="…"}. */
  static List<String> of(String dockerfile) {
    Matcher matcher = TOOL_OPTIONS.matcher(dockerfile);
    if (!matcher.find())
      throw new IllegalStateException("no JAVA_TOOL_OPTIONS=\"…\" in the Dockerfile");
    String options = matcher.group(1).trim();
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+", -1));
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
