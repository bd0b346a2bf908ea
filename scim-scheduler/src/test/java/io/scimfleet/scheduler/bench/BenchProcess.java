package io.scimfleet.scheduler.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process of a benchmark (fleet process or SCIM target): its log, its ready line, its CPU time
 * from /proc.
 */
final class BenchProcess implements AutoCloseable {
  private static final long MS_PER_TICK = 10; // USER_HZ is 100 on Linux
  private final Process process;
  private final Path log;

  private BenchProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** {@code java <jvmOptions> <args>} with {@code env} added, output to {@code log}. */
  static BenchProcess java(
      List<String> jvmOptions, List<String> args, Map<String, String> env, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(args);
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(env);
      return new BenchProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first group of {@code ready} in the log, waiting up to two minutes. */
  String await(Pattern ready) throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      try {
        Matcher matcher = ready.matcher(Files.exists(log) ? Files.readString(log) : "");
        if (matcher.find()) return matcher.group(1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!process.isAlive())
        throw new IllegalStateException("process ended; see " + log.toAbsolutePath());
      Thread.sleep(100);
    }
    throw new IllegalStateException("not ready after 2 minutes; see " + log.toAbsolutePath());
  }

  long pid() {
    return process.pid();
  }

  /** User + system CPU milliseconds so far, from /proc/<pid>/stat. */
  long cpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MS_PER_TICK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops it as Kubernetes would (SIGTERM), then kills what is left after 20 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS))
        process.destroyForcibly().waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
