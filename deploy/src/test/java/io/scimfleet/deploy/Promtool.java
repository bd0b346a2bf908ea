package io.scimfleet.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus' promtool. A missing promtool fails the test (never skips it) with the way to
 * install it.
 */
final class Promtool {

  static final String INSTALL_HINT =
      "promtool is not on the PATH: install it with "
          + "`apt-get install -y prometheus` (Debian/Ubuntu; .ci/run does this) or put Prometheus' promtool on the PATH";

  record Result(int exitCode, String output) {}

  private Promtool() {}

  static Result run(Path workingDirectory, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(executable().toString());
    command.addAll(List.of(arguments));
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(workingDirectory.toFile())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail("promtool %s did not finish in 2 minutes", String.join(" ", arguments));
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running promtool", e);
    }
  }

  static Path executable() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator, -1)) {
      Path candidate = Path.of(directory.isEmpty() ? "." : directory, "promtool");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(INSTALL_HINT);
  }
}
