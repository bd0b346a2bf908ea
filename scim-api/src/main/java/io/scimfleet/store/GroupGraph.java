package io.scimfleet.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Walks the graph of nested groups one level at a time, reading each level's edges in one batch
 * ({@code edges}: group ids → their children, or their parents). The stores keep the graph acyclic.
 */
public final class GroupGraph {
  private GroupGraph() {}

  /** The start groups and every group reachable from them. */
  public static Set<String> closure(
      Collection<String> start, Function<Collection<String>, Map<String, Set<String>>> edges) {
    return reachedVia(start, edges).keySet();
  }

  /**
   * Every group reachable from {@code start} (the start groups included), each mapped to the start
   * group it was first reached from: the "why" of a scope.
   */
  public static Map<String, String> reachedVia(
      Collection<String> start, Function<Collection<String>, Map<String, Set<String>>> edges) {
    Map<String, String> via = new LinkedHashMap<>();
    start.forEach(id -> via.putIfAbsent(id, id));
    Set<String> frontier = new LinkedHashSet<>(via.keySet());
    while (!frontier.isEmpty()) {
      Set<String> next = new LinkedHashSet<>();
      edges
          .apply(frontier)
          .forEach(
              (from, tos) ->
                  tos.forEach(
                      to -> {
                        if (!via.containsKey(to)) {
                          via.put(to, via.get(from));
                          next.add(to);
                        }
                      }));
      frontier = next;
    }
    return via;
  }

  /**
   * The cycle that nesting {@code child} in {@code parent} would close, as {@code parent → child →
   * … → parent}; empty when there is none. Walks down from the child one level per batch read.
   */
  public static Optional<List<String>> cycle(
      String parent,
      String child,
      Function<Collection<String>, Map<String, Set<String>>> childrenOf) {
    Map<String, String> cameFrom = new HashMap<>();
    cameFrom.put(child, parent);
    Set<String> frontier = Set.of(child);
    while (!frontier.isEmpty() && !cameFrom.containsKey(parent)) {
      Set<String> next = new LinkedHashSet<>();
      childrenOf
          .apply(frontier)
          .forEach(
              (group, below) ->
                  below.forEach(
                      each -> {
                        if (cameFrom.putIfAbsent(each, group) == null) next.add(each);
                      }));
      frontier = next;
    }
    if (!cameFrom.containsKey(parent)) return Optional.empty();
    List<String> path = new ArrayList<>();
    path.add(parent);
    for (String at = Objects.requireNonNull(cameFrom.get(parent));
        !at.equals(parent);
        at = Objects.requireNonNull(cameFrom.get(at))) path.add(at);
    path.add(parent);
    Collections.reverse(path);
    return Optional.of(path);
  }
}
