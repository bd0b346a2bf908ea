package io.scimfleet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/** The chart under deploy/helm/scim-fleet, run through real Helm (helm-java's bundled library). */
final class Chart {

  static final String RELEASE = "fleet";
  static final String NAMESPACE = "scim";
  static final String FULLNAME = "fleet-scim-fleet";

  /** helm template otherwise assumes Kubernetes 1.20, below the chart's kubeVersion. */
  static final String KUBE_VERSION = "1.30.0";

  private Chart() {}

  /** {@code helm template fleet deploy/helm/scim-fleet -n scim -f <overrides>}. */
  static Rendered template(Map<String, Object> overrides) {
    Path valuesFile = writeValues(overrides);
    String out =
        new Helm(RepoFiles.CHART)
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION)
            .withValuesFile(valuesFile)
            .call();
    return new Rendered(Yaml.documents(out));
  }

  /**
   * {@code helm lint --strict} with the overrides. helm-java's lint takes no values file, so the
   * overrides are merged into the values.yaml of a copy of the chart.
   */
  static LintResult lintStrict(Map<String, Object> overrides) {
    Path copy = copyChart();
    try {
      Path valuesYaml = copy.resolve("values.yaml");
      ObjectNode values = (ObjectNode) Yaml.YAML.readTree(valuesYaml.toFile());
      Yaml.merge(values, Yaml.YAML.valueToTree(overrides));
      Yaml.YAML.writeValue(valuesYaml.toFile(), values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Helm(copy).lint().strict().call();
  }

  private static Path writeValues(Map<String, Object> overrides) {
    try {
      Path file = Files.createTempFile("scim-fleet-values", ".yaml");
      file.toFile().deleteOnExit();
      Yaml.YAML.writeValue(file.toFile(), overrides);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path copyChart() {
    try {
      Path target = Files.createTempDirectory("scim-fleet-chart").resolve("scim-fleet");
      try (Stream<Path> files = Files.walk(RepoFiles.CHART)) {
        for (Path source : (Iterable<Path>) files::iterator) {
          Path destination = target.resolve(RepoFiles.CHART.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(destination);
          } else {
            Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode at(JsonNode node, String dottedPath) {
    JsonNode current = node;
    for (String part : dottedPath.split("\\.", -1)) {
      current = current.path(part);
    }
    return current;
  }
}
