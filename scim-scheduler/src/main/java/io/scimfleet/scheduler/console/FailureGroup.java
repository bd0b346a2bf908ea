package io.scimfleet.scheduler.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's failures that share one error, with a few of the objects that met it. A run records its
 * errors as {@code "user u7: POST /Users -> 409 ..."}; the part before the first {@code ": "} is
 * the object.
 */
record FailureGroup(String error, int count, List<String> samples) {
  static final int SAMPLES = 5;

  /** The errors grouped by their text, most frequent first. */
  static List<FailureGroup> of(List<String> errors) {
    Map<String, List<String>> objectsByError = new LinkedHashMap<>();
    for (String line : errors) {
      int colon = line.indexOf(": ");
      String object = colon < 0 ? "" : line.substring(0, colon);
      String error = colon < 0 ? line : line.substring(colon + 2);
      objectsByError.computeIfAbsent(error, e -> new ArrayList<>()).add(object);
    }
    return objectsByError.entrySet().stream()
        .map(e -> group(e.getKey(), e.getValue()))
        .sorted((a, b) -> Integer.compare(b.count(), a.count()))
        .toList();
  }

  private static FailureGroup group(String error, List<String> objects) {
    List<String> samples =
        objects.stream().filter(o -> !o.isEmpty()).distinct().limit(SAMPLES).toList();
    return new FailureGroup(error, objects.size(), samples);
  }
}
