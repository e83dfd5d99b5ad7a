package org.ecrm.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins crm-segmentation's exports: the API packages, never the implementation. Tests run on the class
 * path, so the descriptor is read from the compiled module-info.
 */
class ModuleExportsTest {

  @Test
  void moduleDescriptor_exportsTheApiButNotInternal() {
    ModuleDescriptor descriptor = ModuleFinder.of(Path.of("target/classes")).find("org.ecrm.segmentation")
        .orElseThrow().descriptor();
    assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("org.ecrm.segmentation", "org.ecrm.segmentation.clv",
            "org.ecrm.segmentation.engine");
    assertThat(descriptor.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
    assertThat(descriptor.packages()).contains("org.ecrm.segmentation.internal", "org.ecrm.segmentation.clv.internal",
        "org.ecrm.segmentation.engine.internal", "org.ecrm.segmentation.internal.util");
  }
}
