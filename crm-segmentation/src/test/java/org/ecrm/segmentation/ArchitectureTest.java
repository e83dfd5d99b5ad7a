package org.ecrm.segmentation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Package rules of crm-segmentation's main code.
 *
 * <ul>
 *   <li>No cycles between its components. A component is an exported package together with its
 *       {@code internal} implementation package ({@code clv} with {@code clv.internal}, {@code engine} with
 *       {@code engine.internal}, the root package with {@code internal}): an API type's factory names its
 *       implementation and the implementation implements the API type, so that pair depends both ways by
 *       design. The shared utilities ({@code internal.util}) are a component of their own that depends on
 *       no other.</li>
 *   <li>No import of another module's {@code internal} package (crm-core's, crm-tracking's): only their
 *       exported API.</li>
 * </ul>
 */
class ArchitectureTest {
  private static final String ROOT = "org.ecrm.segmentation";

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  /** Assigns each class to its component, as described on the class. */
  static final SliceAssignment COMPONENTS = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      String p = c.getPackageName();
      if (!p.equals(ROOT) && !p.startsWith(ROOT + ".")) {
        return SliceIdentifier.ignore();
      }
      String rest = p.equals(ROOT) ? "" : p.substring(ROOT.length() + 1);
      if (rest.equals("internal.util") || rest.startsWith("internal.util.")) {
        return SliceIdentifier.of("util");
      }
      int i = ("." + rest + ".").indexOf(".internal.");
      String api = i < 0 ? rest : ("." + rest).substring(1, Math.max(1, i));
      return SliceIdentifier.of(api.isEmpty() || api.equals("internal") ? "segmentation" : api);
    }

    @Override
    public String getDescription() {
      return "crm-segmentation components (an exported package with its internal package)";
    }
  };

  @Test
  void noCyclesBetweenComponents() {
    slices().assignedFrom(COMPONENTS).should().beFreeOfCycles().check(MAIN);
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
