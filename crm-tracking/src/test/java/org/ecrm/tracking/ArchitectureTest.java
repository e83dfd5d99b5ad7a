package org.ecrm.tracking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.Slices;
import java.util.Set;
import java.util.TreeSet;
import org.ecrm.tracking.archfixture.a.Api;
import org.ecrm.tracking.archfixture.a.internal.Impl;
import org.junit.jupiter.api.Test;

/**
 * Package rules of crm-tracking's main code: no cycle between its packages, each package on its own (a
 * package and its {@code internal} subpackage are two packages), and no use of another module's
 * {@code internal} packages.
 *
 * <p>An {@code internal} package sits below its API package: it holds building blocks that need only JDK
 * (and lower) types, and the implementation classes that use the API's types are package-private classes
 * of the API package. Between the API packages dependencies point one way: {@code org.ecrm.tracking}
 * (events, tracker, identity) ← {@code session} ← {@code weblog}, and {@code session} ← {@code pipeline};
 * {@code session.spill} (the external sort of hits) sits between {@code session} and its two users.
 */
class ArchitectureTest {
  private static final String ROOT = "org.ecrm.tracking";
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages(ROOT);

  /** Every package of the module, the root package included, is its own slice. */
  private static final SliceAssignment PACKAGES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass c) {
      String p = c.getPackageName();
      return p.equals(ROOT) || p.startsWith(ROOT + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "crm-tracking packages (each one alone)";
    }
  };

  @Test
  void theRulesSeeEveryPackage() {
    Set<String> packages = new TreeSet<>();
    MAIN.forEach(c -> packages.add(c.getPackageName()));
    assertThat(packages).contains(ROOT, ROOT + ".internal", ROOT + ".session", ROOT + ".session.internal",
        ROOT + ".session.spill", ROOT + ".weblog", ROOT + ".weblog.internal", ROOT + ".pipeline");
    Set<String> slices = new TreeSet<>();
    Slices.assignedFrom(PACKAGES).transform(MAIN).forEach(slice -> slices.add(slice.getNamePart(1)));
    assertThat(slices).isEqualTo(packages);
  }

  @Test
  void noCycleBetweenPackages() {
    slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theCycleRuleReportsAPackageAndItsInternalPackageThatUseEachOther() {
    JavaClasses cyclic = new ClassFileImporter().importClasses(Api.class, Impl.class);
    EvaluationResult result = slices().assignedFrom(new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass c) {
        return SliceIdentifier.of(c.getPackageName());
      }

      @Override
      public String getDescription() {
        return "fixture packages (each one alone)";
      }
    }).should().beFreeOfCycles().evaluate(cyclic);
    assertThat(result.hasViolation()).isTrue();
  }

  @Test
  void anInternalPackageDoesNotUseItsApiPackage() {
    for (String api : new String[] {ROOT, ROOT + ".session", ROOT + ".weblog"}) {
      noClasses().that().resideInAPackage(api + ".internal")
          .should().dependOnClassesThat().resideInAPackage(api)
          .check(MAIN);
    }
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
    // every package may use the building blocks of org.ecrm.tracking.internal; nothing uses
    // weblog.internal from outside weblog, only weblog and pipeline use the sort of session.spill, and the
    // event package uses no other internal package
    noClasses().that().resideOutsideOfPackages(ROOT + ".weblog..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".weblog.internal")
        .check(MAIN);
    noClasses().that().resideOutsideOfPackages(ROOT + ".weblog", ROOT + ".pipeline", ROOT + ".session.spill")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".session.spill")
        .check(MAIN);
    noClasses().that().resideInAnyPackage(ROOT, ROOT + ".internal")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".session.internal")
        .check(MAIN);
  }
}
