package org.ecrm.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.ecrm.core.testkit.StoreContractSupport;
import org.junit.jupiter.api.Test;

/**
 * The contract kit's test-jar on the module path: automatic module {@code org.ecrm.core.testkit}, holding
 * package {@code org.ecrm.core.testkit} only, resolves next to module {@code org.ecrm.core} (no split
 * package). Needs the packaged test-jar, so it runs from {@code mvn verify} (a bare {@code mvn test} in the
 * reactor puts crm-core's test-classes directory on the class path instead, and the test is skipped).
 */
class TestKitModuleTest {

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code kit} plus the class path entries that hold {@code root} and the modules it requires (not
   * static, not in the JDK), transitively: the module path a host would give.
   */
  private static List<Path> modulePath(Path kit, String root) {
    Map<String, ModuleReference> byName = new HashMap<>();
    Map<String, Path> where = new HashMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      try {
        for (ModuleReference r : ModuleFinder.of(p).findAll()) {
          byName.putIfAbsent(r.descriptor().name(), r);
          where.putIfAbsent(r.descriptor().name(), p);
        }
      } catch (RuntimeException notAModule) {
        // a directory of test classes, or a jar that cannot be a module: not needed here
      }
    }
    List<Path> out = new ArrayList<>(List.of(kit));
    Deque<String> todo = new ArrayDeque<>(List.of(root));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (!seen.add(name) || ModuleLayer.boot().findModule(name).isPresent()) {
        continue;
      }
      ModuleReference ref = byName.get(name);
      assertThat(ref).as("module " + name + " on the class path").isNotNull();
      out.add(where.get(name));
      for (ModuleDescriptor.Requires r : ref.descriptor().requires()) {
        if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
          todo.push(r.name());
        }
      }
    }
    return out;
  }

  @Test
  void testJar_isAutomaticModuleOrgEcrmCoreTestkit_andSplitsNoPackageWithCrmCore() throws Exception {
    Path kit = location(StoreContractSupport.class);
    assumeTrue(Files.isRegularFile(kit), "the contract kit is a packaged jar (mvn verify), not " + kit);

    try (JarFile jar = new JarFile(kit.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
          .isEqualTo("org.ecrm.core.testkit");
      assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")))
          .isNotEmpty().allMatch(n -> n.startsWith("org/ecrm/core/testkit/"), "in org.ecrm.core.testkit");
      assertThat(jar.getEntry("META-INF/services/org.ecrm.core.spi.StorageProvider")).isNull();
    }

    ModuleFinder finder = ModuleFinder.of(modulePath(kit, "org.ecrm.core").toArray(Path[]::new));
    ModuleDescriptor testkit = finder.find("org.ecrm.core.testkit").map(ModuleReference::descriptor).orElseThrow();
    assertThat(testkit.isAutomatic()).isTrue();
    assertThat(testkit.packages()).containsExactly("org.ecrm.core.testkit");
    ModuleDescriptor core = finder.find("org.ecrm.core").map(ModuleReference::descriptor).orElseThrow();
    assertThat(core.packages()).doesNotContainAnyElementsOf(testkit.packages());

    // what the module system does for a host's tests: this threw "Module crm.core contains package ..." before
    Configuration resolved = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(),
        Set.of("org.ecrm.core.testkit", "org.ecrm.core"));
    assertThat(resolved.modules().stream().map(ResolvedModule::name).collect(Collectors.toSet()))
        .contains("org.ecrm.core.testkit", "org.ecrm.core");
  }
}
