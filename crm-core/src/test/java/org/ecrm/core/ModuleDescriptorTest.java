package org.ecrm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins crm-core's module descriptor: an API change needs a visible edit here. */
class ModuleDescriptorTest {

  private static ModuleDescriptor descriptor() {
    return ModuleFinder.of(Path.of("target/classes")).find("org.ecrm.core").orElseThrow().descriptor();
  }

  @Test
  void exportsOnlyTheApiPackages() {
    assertThat(descriptor().exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("org.ecrm.core", "org.ecrm.core.access", "org.ecrm.core.b2b",
            "org.ecrm.core.dedupe", "org.ecrm.core.event", "org.ecrm.core.interact", "org.ecrm.core.io", "org.ecrm.core.jdbc", "org.ecrm.core.json",
            "org.ecrm.core.loyalty", "org.ecrm.core.memory", "org.ecrm.core.model", "org.ecrm.core.service", "org.ecrm.core.spi",
            "org.ecrm.core.support",
            "org.ecrm.core.survey");
    assertThat(descriptor().packages()).contains("org.ecrm.core.internal", "org.ecrm.core.internal.memory",
        "org.ecrm.core.internal.io", "org.ecrm.core.internal.check", "org.ecrm.core.jdbc.internal");
    assertThat(descriptor().requires()).anySatisfy(r -> {
      assertThat(r.name()).isEqualTo("java.sql");
      assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
    });
  }

  @Test
  void declaresTheStorageSpiAndTheJacksonModule() {
    assertThat(descriptor().uses()).containsExactly("org.ecrm.core.spi.StorageProvider");
    assertThat(descriptor().provides()).singleElement().satisfies(p -> {
      assertThat(p.service()).isEqualTo("tools.jackson.databind.JacksonModule");
      assertThat(p.providers()).containsExactly("org.ecrm.core.json.CrmJacksonModule");
    });
  }

  @Test
  void everyPackageIsNullMarked() throws Exception {
    for (String pkg : descriptor().packages()) {
      Class<?> info = Class.forName(pkg + ".package-info");
      assertThat(info.getAnnotation(org.jspecify.annotations.NullMarked.class)).as(pkg).isNotNull();
    }
  }
}
