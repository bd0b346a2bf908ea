package io.scimfleet.testing;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the layering tests share (docs/architecture.md): the fleet's main classes, a condition that
 * lets a class depend only on what a rule allows, and the allow-lists of today's violations, each
 * entry one dependency with its reason. An entry that no class uses any more fails too, so the list
 * shrinks when a violation is fixed and a new violation fails at once.
 */
public final class Layering {
  private Layering() {}

  /** One dependency a rule lets pass for now: its origin and target (top-level classes). */
  public record Allowed(String origin, String target, String reason) {
    boolean covers(Dependency dependency) {
      return origin.equals(topLevel(dependency.getOriginClass()))
          && target.equals(topLevel(dependency.getTargetClass()));
    }
  }

  /**
   * The main (not test) classes of every fleet module on the class path: each module's {@code
   * target/classes} in a reactor build, or its jar once packaged; never a test jar.
   */
  public static JavaClasses mainClasses() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.matches(TEST_JAR))
        .importPackages("io.scimfleet");
  }

  private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

  /**
   * Depends on no class {@code allowed} refuses, except the dependencies in {@code frozen}.
   *
   * @param allowed takes the fully qualified name of a dependency's target (top-level class)
   */
  public static ArchCondition<JavaClass> dependOnlyOn(
      String description, Predicate<String> allowed, List<Allowed> frozen) {
    return new ArchCondition<>("depend only on " + description) {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
          String target = topLevel(dependency.getTargetClass());
          if (target.isEmpty() || allowed.test(target)) continue;
          if (frozen.stream().anyMatch(entry -> entry.covers(dependency))) continue;
          events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
        }
      }
    };
  }

  /** The entries of {@code frozen} that no dependency of {@code classes} uses any more. */
  public static List<Allowed> unused(JavaClasses classes, List<Allowed> frozen) {
    return frozen.stream()
        .filter(
            entry ->
                classes.stream()
                    .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                    .noneMatch(entry::covers))
        .toList();
  }

  /** The top-level class's name: a nested class, a lambda and an array count as their owner. */
  static String topLevel(JavaClass type) {
    JavaClass base = type.getBaseComponentType();
    if (base.isPrimitive()) return "";
    String name = base.getName();
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }
}
