package io.scimfleet.scheduler.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SCIM servers a benchmark can run against, none of them written by us; each is a process of
 * its own started as {@code java -cp <test classpath> <mainClass> <latencyMs>} that prints {@code
 * bench-target <baseUrl> <token>} and serves the {@code /bench} route.
 */
enum TargetKind {
  /** SCIM-SDK (de.captaingoldfish) behind the JDK's HTTP server. */
  SCIM_SDK("SCIM-SDK", "io.scimfleet.testing.BenchTarget"),
  /** Apache SCIMple on Jersey + Grizzly + Weld SE, with our in-memory repositories. */
  SCIMPLE("SCIMple", "io.scimfleet.testing.scimple.ScimpleTarget");

  private final String label;
  private final String mainClass;

  TargetKind(String label, String mainClass) {
    this.label = label;
    this.mainClass = mainClass;
  }

  String label() {
    return label;
  }

  String mainClass() {
    return mainClass;
  }

  /**
   * BENCH_TARGETS: a comma-separated list of {@code scim-sdk} and {@code scimple}, in the order to
   * run; blank or absent means both.
   */
  static List<TargetKind> chosen(String names) {
    if (names == null || names.isBlank()) return List.of(values());
    List<TargetKind> chosen = new ArrayList<>();
    for (String name : names.split(",", -1)) {
      String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      try {
        chosen.add(valueOf(key));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "BENCH_TARGETS: unknown target '" + name.trim() + "'; use scim-sdk, scimple or both");
      }
    }
    return chosen;
  }
}
