package io.scimfleet.scheduler.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark's results with a column per target: every measure as text, and the goals' values that
 * say met or not met. Rows are put into the current column.
 */
final class GoalTable {
  private final List<String> columns = new ArrayList<>();
  private final Map<String, Map<String, String>> rows = new LinkedHashMap<>();
  private final Map<Goal, Map<String, Double>> goals = new EnumMap<>(Goal.class);
  private String column = "value";

  /** The column that the next rows go into (added when new). */
  void column(String name) {
    column = name;
    if (!columns.contains(name)) columns.add(name);
  }

  void put(String row, String value) {
    if (!columns.contains(column)) columns.add(column);
    rows.computeIfAbsent(row, r -> new HashMap<>()).put(column, value);
  }

  void measured(Goal goal, double value) {
    if (!columns.contains(column)) columns.add(column);
    goals.computeIfAbsent(goal, g -> new HashMap<>()).put(column, value);
  }

  /** Two Markdown tables: the measures, then each goal next to its measured value. */
  void print(PrintStream out) {
    out.printf(
        "%n| measure | %s |%n|---%s|%n",
        String.join(" | ", columns), "|---".repeat(columns.size()));
    rows.forEach(
        (row, values) -> {
          StringBuilder line = new StringBuilder("| ").append(row).append(" |");
          for (String c : columns)
            line.append(' ').append(values.getOrDefault(c, "—")).append(" |");
          out.println(line);
        });
    out.printf(
        "%n| goal | %s |%n|---%s|%n", String.join(" | ", columns), "|---".repeat(columns.size()));
    for (Goal goal : Goal.values()) {
      Map<String, Double> values = goals.getOrDefault(goal, Map.of());
      StringBuilder line = new StringBuilder("| ").append(goal.describe()).append(" |");
      for (String c : columns) {
        Double value = values.get(c);
        line.append(' ').append(value == null ? "not measured" : goal.verdict(value)).append(" |");
      }
      out.println(line);
    }
  }
}
