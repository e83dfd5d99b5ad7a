package org.ecrm.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph of crm-core's main code: no cycle between any two packages (each package its own
 * slice, the root package {@code org.ecrm.core} included), and no use of another module's {@code internal}
 * packages. The layering it keeps: {@code model} (values and exceptions) at the bottom, the SPI above it,
 * the services and feature packages above that, their implementations ({@code internal}) above the API they
 * implement, and the {@link Crm} facade on top.
 */
class ArchitectureTest {
  private static JavaClasses core;

  @BeforeAll
  static void importMainClasses() {
    core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("org.ecrm.core");
  }

  @Test
  void importsTheWholeModule() {
    assertThat(core).extracting(c -> c.getPackageName()).contains("org.ecrm.core", "org.ecrm.core.model",
        "org.ecrm.core.spi", "org.ecrm.core.internal", "org.ecrm.core.jdbc.internal");
    assertThat(core.contain(Crm.class)).isTrue();
  }

  @Test
  void noCycleBetweenPackages() {
    slices().matching("org.ecrm.(**)").should().beFreeOfCycles().check(core);
  }

  @Test
  void theRootPackageIsTheTop_nothingElseDependsOnIt_exceptInteractBuiltOnTheFacade() {
    noClasses().that().resideOutsideOfPackages("org.ecrm.core", "org.ecrm.core.interact").should()
        .dependOnClassesThat().resideInAPackage("org.ecrm.core").check(core);
  }

  @Test
  void theModelIsTheBottom() {
    noClasses().that().resideInAPackage("org.ecrm.core.model").should().dependOnClassesThat()
        .resideInAnyPackage("org.ecrm.core", "org.ecrm.core.service", "org.ecrm.core.spi", "org.ecrm.core.internal",
            "org.ecrm.core.internal.memory", "org.ecrm.core.jdbc..", "org.ecrm.core.interact")
        .check(core);
  }

  @Test
  void noOtherModulesInternals() {
    noClasses().should().dependOnClassesThat(
        DescribedPredicate.describe("in another module's internal package",
            c -> c.getPackageName().matches("org\\.ecrm\\.(.+\\.)?internal(\\..+)?")
                && !c.getPackageName().startsWith("org.ecrm.core.")))
        .check(core);
  }

  @Test
  void theCycleRuleCatchesACycle() {
    JavaClasses cyclic = new ClassFileImporter().importClasses(org.ecrm.core.archfixture.a.First.class,
        org.ecrm.core.archfixture.b.Second.class);
    EvaluationResult result = slices().matching("org.ecrm.(**)").should().beFreeOfCycles().evaluate(cyclic);
    assertThat(result.hasViolation()).isTrue();
  }
}
