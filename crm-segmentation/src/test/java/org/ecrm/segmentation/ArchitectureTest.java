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
import java.util.Set;
import java.util.stream.Collectors;
import org.ecrm.segmentation.archfixture.a.Left;
import org.ecrm.segmentation.archfixture.b.Right;
import org.junit.jupiter.api.Test;

/**
 * Package rules of crm-segmentation's main code.
 *
 * <ul>
 *   <li>No cycles between packages, each package its own slice: an exported package and its {@code internal}
 *       package are two slices, and the {@code internal} one depends on nothing of its API package (the
 *       implementation classes that need the API's types are package-private classes of the API package).
 *       One pair is still one slice: {@code engine} with {@code engine.internal}, whose accumulator
 *       implements the exported {@code RfmAccumulator} and is used by the root package, so the two depend
 *       on each other.</li>
 *   <li>No import of another module's {@code internal} package (crm-core's, crm-tracking's): only their
 *       exported API.</li>
 * </ul>
 */
class ArchitectureTest {
  private static final String ROOT = "org.ecrm.segmentation";

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  /** Each package is its own slice, except the engine pair described on the class. */
  static final SliceAssignment PACKAGES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      String p = c.getPackageName();
      if (!p.equals(ROOT) && !p.startsWith(ROOT + ".")) {
        return SliceIdentifier.ignore();
      }
      return SliceIdentifier.of(slice(p));
    }

    @Override
    public String getDescription() {
      return "crm-segmentation packages";
    }
  };

  /** The slice of a crm-segmentation package: its own name, {@code engine} for {@code engine.internal}. */
  static String slice(String packageName) {
    return packageName.equals(ROOT + ".engine.internal") ? ROOT + ".engine" : packageName;
  }

  private static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(PACKAGES).should().beFreeOfCycles();

  @Test
  void noCyclesBetweenPackages() {
    Set<String> slices = MAIN.stream().map(c -> slice(c.getPackageName()))
        .collect(Collectors.toSet());
    assertThat(slices).contains(ROOT, ROOT + ".internal", ROOT + ".internal.util", ROOT + ".clv",
        ROOT + ".clv.internal", ROOT + ".engine");
    NO_PACKAGE_CYCLES.check(MAIN);
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
