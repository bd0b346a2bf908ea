package io.scimfleet.scheduler.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What putting a provider would do ({@code POST /api/v1/providers/{name}/plan}), computed without
 * writing anything.
 *
 * @param planId apply exactly this with {@code PUT /api/v1/providers/{name}?ifPlan=<planId>}
 * @param users counts for users
 * @param groups counts for groups
 * @param attributes per changed attribute (top level, or {@code <extension>.<attribute>}): how many
 *     objects it changes on
 * @param samples up to {@value Planner#SAMPLES} objects with their payload before and after
 */
record PlanView(
    String planId,
    String provider,
    boolean newProvider,
    long directoryVersion,
    Counts users,
    Counts groups,
    Map<String, Integer> attributes,
    List<Sample> samples) {

  /**
   * @param failing objects whose proposed payload does not map or is invalid (they would fail)
   * @param outOfScope objects in scope of neither and not on the target
   */
  record Counts(
      int creates,
      int updates,
      int deactivations,
      int deletions,
      int unchanged,
      int failing,
      int outOfScope) {}

  /**
   * One object's change: {@code before} is what the current settings map (null when the object is
   * not on the target or the provider is new), {@code after} what the proposed ones would send
   * (null for a removal).
   */
  record Sample(
      String type,
      String id,
      String action,
      List<String> changed,
      @Nullable JsonNode before,
      @Nullable JsonNode after,
      @Nullable String error) {}
}
