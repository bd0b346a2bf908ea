package io.scimfleet.scheduler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.scimfleet.config.FleetSettings;
import io.scimfleet.testing.Layering;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, settings: a process reads its environment once, at start, into typed settings ({@link
 * FleetSettings}, {@link SchedulerSettings}) and hands them down; nothing else calls {@code
 * System.getenv}, neither as a call nor as a method reference. Held on the main classes of every
 * module (docs/architecture.md, "Settings").
 */
class OnlyTheSettingsReadTheEnvironmentTest {
  private static final ArchRule ONLY_THE_SETTINGS_READ_THE_ENVIRONMENT =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(FleetSettings.class.getName())
          .should()
          .accessTargetWhere(
              DescribedPredicate.<JavaAccess<?>>describe(
                  "System.getenv",
                  access ->
                      access.getTargetOwner().isEquivalentTo(System.class)
                          && access.getName().equals("getenv")))
          .because("a process reads its environment once, into its settings (issue 19)");

  @Test
  void noMainClassButTheSettingsReadsTheEnvironment() {
    ONLY_THE_SETTINGS_READ_THE_ENVIRONMENT.check(Layering.mainClasses());
  }

  @Test
  void aCallAndAMethodReferenceToGetenvAreBothSeen() {
    JavaClasses readers =
        new ClassFileImporter()
            .importClasses(ReadsOneVariable.class, ReadsThemAll.class, LooksThemUpLater.class);

    EvaluationResult result = ONLY_THE_SETTINGS_READ_THE_ENVIRONMENT.evaluate(readers);

    assertThat(result.getFailureReport().getDetails())
        .anyMatch(line -> line.contains(ReadsOneVariable.class.getName()))
        .anyMatch(line -> line.contains(ReadsThemAll.class.getName()))
        .anyMatch(line -> line.contains(LooksThemUpLater.class.getName()));
  }

  @SuppressWarnings("unused") // read by the importer only
  private static final class ReadsOneVariable {
    String home() {
      return System.getenv("HOME");
    }
  }

  @SuppressWarnings("unused") // read by the importer only
  private static final class ReadsThemAll {
    Function<String, String> variables() {
      Map<String, String> all = System.getenv();
      return all::get;
    }
  }

  @SuppressWarnings("unused") // read by the importer only
  private static final class LooksThemUpLater {
    Function<String, String> lookup() {
      return System::getenv;
    }
  }
}
