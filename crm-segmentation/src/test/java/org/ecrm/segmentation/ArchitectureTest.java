package org.ecrm.segmentation;

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
import com.tngtech.archunit.library.dependencies.Slices;
import java.util.Set;
import java.util.TreeSet;
import org.ecrm.segmentation.archfixture.a.Left;
import org.ecrm.segmentation.archfixture.b.Right;
import org.ecrm.segmentation.archfixture.c.Api;
import org.ecrm.segmentation.archfixture.c.internal.Impl;
import org.junit.jupiter.api.Test;

/**
 * Package rules of crm-segmentation's main code.
 *
 * <ul>
 *   <li>No cycles between packages, each package its own slice: an exported package and its {@code internal}
 *       package are two slices, and the {@code internal} one depends on nothing of its API package (the
 *       implementation classes that need the API's types are package-private classes of the API package;
 *       the engine's accumulator and batches reach the other packages through {@code engine.internal}'s
 *       {@code EngineAccess}, whose engine types are type parameters).</li>
 *   <li>No import of another module's {@code internal} package (crm-core's, crm-tracking's): only their
 *       exported API.</li>
 * </ul>
 */
class ArchitectureTest {
  private static final String ROOT = "org.ecrm.segmentation";
  private static final String FIXTURE = ROOT + ".archfixture.c";

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  /** Each package of the module, the root package included, is its own slice. */
  static final SliceAssignment PACKAGES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      String p = c.getPackageName();
      return p.equals(ROOT) || p.startsWith(ROOT + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "crm-segmentation packages (each one alone)";
    }
  };

  private static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(PACKAGES).should().beFreeOfCycles();

  @Test
  void theRulesSeeEveryPackageAlone() {
    Set<String> packages = new TreeSet<>();
    MAIN.forEach(c -> packages.add(c.getPackageName()));
    assertThat(packages).contains(ROOT, ROOT + ".internal", ROOT + ".internal.util", ROOT + ".clv",
        ROOT + ".clv.internal", ROOT + ".engine", ROOT + ".engine.internal");
    Set<String> slices = new TreeSet<>();
    Slices.assignedFrom(PACKAGES).transform(MAIN).forEach(slice -> slices.add(slice.getNamePart(1)));
    assertThat(slices).isEqualTo(packages);
  }

  @Test
  void noCyclesBetweenPackages() {
    NO_PACKAGE_CYCLES.check(MAIN);
  }

  @Test
  void anInternalPackageDoesNotUseItsApiPackage() {
    for (String api : new String[] {ROOT, ROOT + ".clv", ROOT + ".engine"}) {
      noClasses().that().resideInAPackage(api + ".internal")
          .should().dependOnClassesThat().resideInAPackage(api)
          .check(MAIN);
    }
  }

  @Test
  void theInternalRuleCatchesAnInternalPackageUsingItsApi() {
    JavaClasses upward = new ClassFileImporter().importClasses(Api.class, Impl.class);
    EvaluationResult result = noClasses().that().resideInAPackage(FIXTURE + ".internal")
        .should().dependOnClassesThat().resideInAPackage(FIXTURE).evaluate(upward);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains(Impl.class.getName(), Api.class.getName());
  }

  @Test
  void theCycleRuleCatchesACycle() {
    JavaClasses cyclic = new ClassFileImporter().importClasses(Left.class, Right.class);
    EvaluationResult result = NO_PACKAGE_CYCLES.evaluate(cyclic);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("archfixture.a", "archfixture.b");
  }

  @Test
  void noOtherModulesInternals() {
    noClasses().that().resideInAPackage(ROOT + "..")
        .should().dependOnClassesThat().resideInAnyPackage("org.ecrm.core..internal..",
            "org.ecrm.tracking..internal..")
        .because("other modules' internal packages are not exported and have no compatibility promise")
        .check(MAIN);
  }
}
