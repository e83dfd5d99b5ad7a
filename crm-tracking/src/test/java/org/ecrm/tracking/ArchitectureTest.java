package org.ecrm.tracking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Package rules of crm-tracking's main code: no cycle between its packages, and no use of another module's
 * {@code internal} packages.
 *
 * <p>A package's {@code internal} subpackage is that package's implementation (the tracker behind
 * {@code Tracker}, the session cutter behind {@code Sessionizer}); it implements the package's interfaces,
 * so the two are one unit here. Between units dependencies point one way: {@code org.ecrm.tracking} (events,
 * tracker, identity) ← {@code session} ← {@code weblog}, and {@code session} ← {@code pipeline}.
 */
class ArchitectureTest {
  private static final String ROOT = "org.ecrm.tracking";
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages(ROOT);

  /** Each package with its {@code internal} subpackage. */
  private static final SliceAssignment UNITS = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      String p = c.getPackageName();
      if (!p.equals(ROOT) && !p.startsWith(ROOT + ".")) {
        return SliceIdentifier.ignore();
      }
      return SliceIdentifier.of(p.endsWith(".internal") ? p.substring(0, p.length() - ".internal".length()) : p);
    }

    @Override
    public String getDescription() {
      return "crm-tracking packages (each with its internal subpackage)";
    }
  };

  @Test
  void theRulesSeeEveryPackage() {
    Set<String> packages = new TreeSet<>();
    MAIN.forEach(c -> packages.add(c.getPackageName()));
    assertThat(packages).contains(ROOT, ROOT + ".internal", ROOT + ".session", ROOT + ".session.internal",
        ROOT + ".weblog", ROOT + ".weblog.internal", ROOT + ".pipeline", ROOT + ".pipeline.internal");
  }

  @Test
  void noCycleBetweenPackages() {
    slices().assignedFrom(UNITS).should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theEventPackageDependsOnNoOtherTrackingPackage() {
    noClasses().that().resideInAnyPackage(ROOT, ROOT + ".internal")
        .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".session..", ROOT + ".weblog..",
            ROOT + ".pipeline..")
        .check(MAIN);
  }

  @Test
  void noUseOfAnotherModulesInternals() {
    noClasses().should().dependOnClassesThat(new DescribedPredicate<JavaClass>("are in another module's internal package") {
      @Override
      public boolean test(JavaClass c) {
        String p = c.getPackageName();
        return (p.contains(".internal") || p.startsWith("jdk.internal") || p.startsWith("sun."))
            && !p.startsWith(ROOT);
      }
    }).check(MAIN);
  }

  @Test
  void anInternalPackageIsUsedOnlyByItsPackageAndThePackagesAboveIt() {
    // session and weblog may use the shared checks of org.ecrm.tracking.internal; nothing uses
    // weblog.internal or pipeline.internal from outside its package, and the event package uses no
    // other internal package
    noClasses().that().resideOutsideOfPackages(ROOT + ".weblog..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".weblog.internal")
        .check(MAIN);
    noClasses().that().resideOutsideOfPackages(ROOT + ".pipeline..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".pipeline.internal")
        .check(MAIN);
    noClasses().that().resideInAnyPackage(ROOT, ROOT + ".internal")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".session.internal")
        .check(MAIN);
  }
}
