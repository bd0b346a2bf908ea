package io.scimfleet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import io.scimfleet.testing.Layering;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layers inside {@code scim-api} (docs/architecture.md, "Layers"), held on its main classes:
 * the SCIM client depends on no other part of the fleet but the few leaf classes listed here; the
 * model on the JDK, Jackson's and JSpecify's annotations only; the core (mapping, schema, job
 * requests, store interfaces) on no adapter; and no class outside the JobRunr seam uses JobRunr. A
 * new dependency across a line fails here; an allow-list entry that is no longer needed fails too,
 * so the lists only shrink.
 */
class ScimApiLayersTest {
  private static final JavaClasses MAIN = Layering.mainClasses();

  /**
   * What the SCIM client ({@code io.scimfleet.scim}, {@code scim.internal}) may use of the fleet:
   * leaves that depend on the JDK only ({@link #whatTheScimClientUsesOfTheFleetIsALeaf}).
   */
  static final List<String> SCIM_CLIENT_MAY_USE =
      List.of(
          // FleetException: every fleet failure, the client's ScimException too, maps to one answer
          "io.scimfleet.error.",
          // TargetPolicy and its CIDRs: the target address guard (SSRF), enforced where the
          // client resolves a host
          "io.scimfleet.target.",
          // the User-Agent the client sends
          "io.scimfleet.Version");

  private static boolean mayBeUsedByTheScimClient(String type) {
    return SCIM_CLIENT_MAY_USE.stream().anyMatch(type::startsWith);
  }

  @Test
  void theScimClientDependsOnNoOtherPartOfTheFleet() {
    classes()
        .that()
        .resideInAPackage("io.scimfleet.scim..")
        .should(
            Layering.dependOnlyOn(
                "the SCIM client, the JDK, libraries and " + SCIM_CLIENT_MAY_USE,
                target ->
                    !target.startsWith("io.scimfleet.")
                        || target.startsWith("io.scimfleet.scim.")
                        || mayBeUsedByTheScimClient(target),
                List.of()))
        .check(MAIN);
  }

  @Test
  void whatTheScimClientUsesOfTheFleetIsALeaf() {
    classes()
        .that(
            DescribedPredicate.describe(
                "the fleet classes the SCIM client may use",
                type -> mayBeUsedByTheScimClient(type.getName())))
        .should(
            Layering.dependOnlyOn(
                "the JDK and each other",
                target -> !target.startsWith("io.scimfleet.") || mayBeUsedByTheScimClient(target),
                List.of()))
        .check(MAIN);
  }

  @Test
  void theScimClientNeedsNeitherRedisNorJobRunrNorTheMappingLibraries() {
    noClasses()
        .that()
        .resideInAPackage("io.scimfleet.scim..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "redis.clients..",
            "org.jobrunr..",
            "com.dashjoin..",
            "com.networknt..",
            "io.github.bucket4j..")
        .check(MAIN);
  }

  @Test
  void theModelDependsOnTheJdkAndJacksonAndNullnessAnnotationsOnly() {
    classes()
        .that()
        .resideInAPackage("io.scimfleet.model..")
        .should(
            Layering.dependOnlyOn(
                "the JDK, Jackson's and JSpecify's annotations and the model",
                target ->
                    target.startsWith("java.")
                        || target.startsWith("com.fasterxml.jackson.annotation.")
                        || target.startsWith("org.jspecify.annotations.")
                        || target.startsWith("io.scimfleet.model."),
                List.of()))
        .check(MAIN);
  }

  @Test
  void nothingOutsideTheJobRunrSeamUsesJobRunr() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.scimfleet.job.jobrunr..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jobrunr..")
        .check(MAIN);
  }

  @Test
  void theCoreKnowsNoAdapter() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.scimfleet.mapping..",
            "io.scimfleet.schema..",
            "io.scimfleet.job",
            "io.scimfleet.store")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.scimfleet.store.redis..", "io.scimfleet.job.jobrunr..", "redis.clients..")
        .check(MAIN);
  }

  @Test
  void everyEntryTheScimClientMayUseExists() {
    assertThat(SCIM_CLIENT_MAY_USE)
        .as("each entry the SCIM client may use exists")
        .allSatisfy(
            prefix ->
                assertThat(MAIN.stream().map(c -> c.getName()))
                    .anyMatch(n -> n.startsWith(prefix)));
  }
}
