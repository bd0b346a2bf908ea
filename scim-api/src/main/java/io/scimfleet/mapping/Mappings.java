package io.scimfleet.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimfleet.model.PropertyMapping;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A provider's property mappings, compiled once and safe to share between threads. {@link #map}
 * evaluates them in the order of their names (plain string order, so {@code 10-x} before {@code
 * 20-y}) and deep-merges their results (see {@link DeepMerge}) into one resource, whose {@code
 * schemas} then declares every extension it carries (see {@link ExtensionSchemas}).
 */
public final class Mappings {
  private final List<CompiledMapping> inNameOrder;

  private Mappings(List<CompiledMapping> inNameOrder) {
    this.inNameOrder = inNameOrder;
  }

  /**
   * Parses every expression once; each evaluation runs within {@code limits}.
   *
   * @throws MappingException naming the first mapping that does not compile, or a duplicate name
   */
  public static Mappings compile(List<PropertyMapping> mappings, MappingLimits limits) {
    return compile(mappings, true, limits);
  }

  /** As {@link #compile(List, MappingLimits)} within the default limits (tests, benchmarks). */
  public static Mappings compile(List<PropertyMapping> mappings) {
    return compile(mappings, MappingLimits.defaults());
  }

  /**
   * @param twins false: the built-in user mappings run as JSONata too (tests compare the two)
   */
  static Mappings compile(List<PropertyMapping> mappings, boolean twins) {
    return compile(mappings, twins, MappingLimits.defaults());
  }

  private static Mappings compile(
      List<PropertyMapping> mappings, boolean twins, MappingLimits limits) {
    requireUniqueNames(mappings);
    return new Mappings(
        mappings.stream()
            .sorted(Comparator.comparing(PropertyMapping::name))
            .map(mapping -> CompiledMapping.compile(mapping, twins, limits))
            .toList());
  }

  /**
   * The resource these mappings make of {@code input}, without null values and without {@code
   * password}: a password reaches a target only through the password delivery, with its own rules
   * (sealed until sent, never logged, per provider {@code syncPasswords}), never from a mapping.
   *
   * @throws MappingException naming the mapping that failed or did not produce an object
   */
  public ObjectNode map(MappingInput input) {
    ObjectNode resource = JsonNodeFactory.instance.objectNode();
    for (CompiledMapping mapping : inNameOrder) {
      ObjectNode part = mapping.apply(input);
      if (part != null) DeepMerge.merge(resource, part);
    }
    resource.remove("password");
    return ExtensionSchemas.declare(DeepMerge.withoutNulls(resource));
  }

  /** The mapping names in the order they are applied. */
  public List<String> names() {
    return inNameOrder.stream().map(CompiledMapping::name).toList();
  }

  private static void requireUniqueNames(List<PropertyMapping> mappings) {
    Set<String> seen = new HashSet<>();
    for (PropertyMapping mapping : mappings) {
      if (!seen.add(mapping.name())) throw new MappingException(mapping.name(), "is defined twice");
    }
  }
}
