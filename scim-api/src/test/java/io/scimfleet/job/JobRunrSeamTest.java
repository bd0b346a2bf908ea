package io.scimfleet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JobRunr stays behind its seam: no main source file of any module names {@code org.jobrunr}
 * outside the package {@code io.scimfleet.job.jobrunr} (the claim of {@link JobQueue}'s Javadoc).
 */
class JobRunrSeamTest {
  private static final Path SEAM = Path.of("io", "scimfleet", "job", "jobrunr");

  @Test
  void onlyTheJobRunrPackageNamesJobRunr() {
    List<Path> sources = mainSources();
    assertThat(sources)
        .as("main sources of scim-api, scim-worker and scim-scheduler")
        .anyMatch(p -> p.toString().contains("scim-worker"))
        .anyMatch(p -> p.toString().contains("scim-scheduler"));
    assertThat(sources)
        .as("the seam itself names JobRunr (the scan reads what it should)")
        .anyMatch(p -> inSeam(p) && namesJobRunr(p));

    assertThat(sources.stream().filter(p -> !inSeam(p) && namesJobRunr(p)).map(Path::toString))
        .as("main sources outside io.scimfleet.job.jobrunr that name org.jobrunr")
        .isEmpty();
  }

  /**
   * Every {@code src/main/java} file of the modules beside this one (tests run in the module's
   * folder).
   */
  private static List<Path> mainSources() {
    Path root = Path.of("").toAbsolutePath().getParent();
    try (Stream<Path> modules = Files.list(root)) {
      return modules
          .map(m -> m.resolve("src/main/java"))
          .filter(Files::isDirectory)
          .flatMap(JobRunrSeamTest::javaFiles)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> javaFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean inSeam(Path file) {
    Path parent = file.getParent();
    return parent != null && parent.endsWith(SEAM);
  }

  private static boolean namesJobRunr(Path file) {
    try {
      return Files.readString(file).contains("org.jobrunr");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
