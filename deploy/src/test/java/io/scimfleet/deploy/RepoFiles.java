package io.scimfleet.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of what the deploy module tests, from the repository's root. */
final class RepoFiles {

  static final Path ROOT =
      Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
  static final Path DEPLOY = ROOT.resolve("deploy");
  static final Path CHART = DEPLOY.resolve("helm/scim-fleet");
  static final Path RULES = DEPLOY.resolve("prometheus/rules.yml");
  static final Path RULES_TEST = DEPLOY.resolve("prometheus/rules.test.yml");
  static final Path DASHBOARD = DEPLOY.resolve("grafana/scim-fleet-dashboard.json");
  static final Path DOCKERFILE = DEPLOY.resolve("docker/Dockerfile");
  static final Path RUNBOOKS = ROOT.resolve("docs/runbooks.md");
  static final Path OPERATIONS = ROOT.resolve("docs/operations.md");

  private RepoFiles() {}

  static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
