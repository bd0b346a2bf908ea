package io.scimfleet.scheduler.http;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The plan's counters while the planner walks the directory. */
final class PlanTally {
  private final Map<Action, Integer> users = new EnumMap<>(Action.class);
  private final Map<Action, Integer> groups = new EnumMap<>(Action.class);
  private final Map<String, Integer> attributes = new TreeMap<>();
  private final List<PlanView.Sample> samples = new ArrayList<>();

  /** What the proposed settings do to one object. */
  enum Action {
    CREATE,
    UPDATE,
    DEACTIVATE,
    DELETE,
    UNCHANGED,
    FAILING,
    OUT_OF_SCOPE;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  void count(boolean user, Action action) {
    (user ? users : groups).merge(action, 1, Integer::sum);
  }

  void changed(List<String> paths) {
    paths.forEach(path -> attributes.merge(path, 1, Integer::sum));
  }

  /** Keeps the sample while fewer than {@link Planner#SAMPLES} are kept. */
  void sample(PlanView.Sample sample) {
    if (samples.size() < Planner.SAMPLES) samples.add(sample);
  }

  PlanView.Counts users() {
    return counts(users);
  }

  PlanView.Counts groups() {
    return counts(groups);
  }

  Map<String, Integer> attributes() {
    return attributes;
  }

  List<PlanView.Sample> samples() {
    return samples;
  }

  private static PlanView.Counts counts(Map<Action, Integer> c) {
    return new PlanView.Counts(
        c.getOrDefault(Action.CREATE, 0),
        c.getOrDefault(Action.UPDATE, 0),
        c.getOrDefault(Action.DEACTIVATE, 0),
        c.getOrDefault(Action.DELETE, 0),
        c.getOrDefault(Action.UNCHANGED, 0),
        c.getOrDefault(Action.FAILING, 0),
        c.getOrDefault(Action.OUT_OF_SCOPE, 0));
  }
}
