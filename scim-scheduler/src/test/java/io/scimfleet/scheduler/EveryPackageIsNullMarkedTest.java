package io.scimfleet.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * NullAway checks only {@code @NullMarked} packages (OnlyNullMarked in the parent pom), so a new
 * package without the mark would silently escape it: every main package of every module carries it.
 */
class EveryPackageIsNullMarkedTest {

  private static final List<Path> MAIN_SOURCES =
      Stream.of("scim-api", "scim-worker", "scim-scheduler")
          .map(module -> Path.of("..", module, "src", "main", "java"))
          .toList();

  @Test
  void everyMainPackageIsNullMarked() throws IOException {
    List<Path> packages = packages();

    assertThat(packages).hasSizeGreaterThan(25); // the walk found the modules' code
    assertThat(packages).filteredOn(dir -> !nullMarked(dir)).isEmpty();
  }

  @Test
  void aPackageWithoutItsMarkIsFound() throws IOException {
    Path scratch = Files.createTempDirectory("unmarked");
    Files.writeString(scratch.resolve("Thing.java"), "package x;\nfinal class Thing {}\n");
    Files.writeString(scratch.resolve("package-info.java"), "/** Things. */\npackage x;\n");

    assertThat(nullMarked(scratch)).isFalse();
  }

  private static List<Path> packages() throws IOException {
    List<Path> packages = new ArrayList<>();
    for (Path root : MAIN_SOURCES) {
      try (Stream<Path> dirs = Files.walk(root)) {
        dirs.filter(Files::isDirectory)
            .filter(EveryPackageIsNullMarkedTest::hasCode)
            .forEach(packages::add);
      }
    }
    return packages;
  }

  private static boolean hasCode(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean nullMarked(Path dir) {
    Path info = dir.resolve("package-info.java");
    try {
      return Files.exists(info) && Files.readString(info).contains("@NullMarked");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
