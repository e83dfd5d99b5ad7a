package org.ecrm.examples;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Package rules of crm-examples: no dependency cycle between its packages (each package, the root
 * {@code org.ecrm.examples} included, is one slice), and no use of another module's {@code internal}
 * packages (only their exported API).
 */
class ArchitectureTest {
  private static final String ROOT = "org.ecrm.examples";

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

  /** Every package of crm-examples is a slice of its own. */
  private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      String p = c.getPackageName();
      return p.equals(ROOT) || p.startsWith(ROOT + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the packages of crm-examples";
    }
  };

  static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles();

  static final ArchRule NO_OTHER_MODULES_INTERNALS = noInternalsOfOtherModules(ROOT + "..")
      .as("crm-examples uses only the exported API of the other modules, never an internal package");

  /** Classes in {@code origins} use no {@code internal} package of the library outside crm-examples. */
  static ArchRule noInternalsOfOtherModules(String origins) {
    return noClasses().that().resideInAPackage(origins)
        .should().dependOnClassesThat(resideInAPackage("org.ecrm..internal..")
            .and(not(resideInAPackage(ROOT + ".."))));
  }

  @Test
  void noCyclesBetweenPackages() {
    assertThat(MAIN.stream().map(JavaClass::getPackageName).distinct())
        .contains(ROOT, ROOT + ".cli", ROOT + ".report", ROOT + ".embed", ROOT + ".jdbc");
    NO_PACKAGE_CYCLES.check(MAIN);
  }

  @Test
  void noImportOfAnotherModulesInternalPackage() {
    NO_OTHER_MODULES_INTERNALS.check(MAIN);
  }

  @Test
  void theRulesCatchViolations() {
    JavaClasses fixture = new ClassFileImporter().importPackages(ROOT + ".archfixture");
    EvaluationResult cycle = NO_PACKAGE_CYCLES.evaluate(fixture);
    assertThat(cycle.hasViolation()).isTrue();
    assertThat(cycle.getFailureReport().toString()).contains("archfixture.a", "archfixture.b");
    // crm-segmentation's own factory uses its internal CSV reader: the same rule applied to it reports that
    JavaClasses factory = new ClassFileImporter().importClasses(org.ecrm.segmentation.TransactionSources.class);
    EvaluationResult reach = noInternalsOfOtherModules("org.ecrm.segmentation").evaluate(factory);
    assertThat(reach.hasViolation()).isTrue();
    assertThat(reach.getFailureReport().toString()).contains("org.ecrm.segmentation.internal.CsvSource");
  }
}
