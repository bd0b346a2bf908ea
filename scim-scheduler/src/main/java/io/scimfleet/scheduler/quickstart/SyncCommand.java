package io.scimfleet.scheduler.quickstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The arguments of {@code sync}: {@code --config FILE --directory FILE [--wait-seconds N]}. */
record SyncCommand(Path config, Path directory, Duration waitAtMost) {
  static final Duration DEFAULT_WAIT = Duration.ofMinutes(10);

  /**
   * @throws IllegalArgumentException saying what is missing or wrong
   */
  static SyncCommand parse(String[] args) {
    Path config = null;
    Path directory = null;
    Duration wait = DEFAULT_WAIT;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--config" -> config = Path.of(required(args[i], value));
        case "--directory" -> directory = Path.of(required(args[i], value));
        case "--wait-seconds" -> wait = Duration.ofSeconds(seconds(required(args[i], value)));
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
      }
    }
    if (config == null || directory == null) {
      throw new IllegalArgumentException(
          "sync needs --config <providers.yaml> and --directory <users.ndjson>");
    }
    requireFile(config);
    requireFile(directory);
    return new SyncCommand(config, directory, wait);
  }

  private static String required(String option, @Nullable String value) {
    if (value == null) throw new IllegalArgumentException(option + " needs a value");
    return value;
  }

  private static long seconds(String value) {
    try {
      long seconds = Long.parseLong(value);
      if (seconds > 0) return seconds;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--wait-seconds must be a positive whole number, not '" + value + "'");
  }

  private static void requireFile(Path file) {
    if (!Files.isReadable(file)) throw new IllegalArgumentException("cannot read " + file);
  }
}
