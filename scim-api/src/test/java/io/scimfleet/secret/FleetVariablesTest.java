package io.scimfleet.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The list of the fleet's own variables keeps up with the code and the README. */
class FleetVariablesTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern QUOTED = Pattern.compile("\"((?:SCIM|REDIS)_[A-Z0-9_]*[A-Z0-9])\"");
  private static final Pattern README_ROW = Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]+)`");

  @Test
  void everyVariableTheMainCodeNamesIsListed() throws IOException {
    Set<String> named = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ROOT, 12)) {
      files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(file -> file.toString().contains("/src/main/java/"))
          .forEach(file -> collect(QUOTED, read(file), named));
    }
    named.remove("SCIM_TARGET"); // the default prefix, SCIM_TARGET_

    assertThat(named).isNotEmpty();
    assertThat(FleetVariables.NAMES).containsAll(named);
  }

  @Test
  void everyVariableOfTheReadmeIsListed() {
    Set<String> documented = new TreeSet<>();
    collect(README_ROW, read(ROOT.resolve("README.md")), documented);

    assertThat(documented).contains("SCIM_TARGET_DENY");
    assertThat(FleetVariables.NAMES).containsAll(documented);
  }

  private static void collect(Pattern pattern, String text, Set<String> into) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) into.add(matcher.group(1));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
