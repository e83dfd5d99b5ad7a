package org.ecrm.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/** The clv API is exported and its implementation is not (run on the module path by surefire). */
class ModuleExportsTest {

  @Test
  void moduleDescriptor_exportsClvButNotInternal() {
    Module module = CustomerSummary.class.getModule();
    assertThat(module.isNamed()).isTrue();
    ModuleDescriptor descriptor = module.getDescriptor();
    assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
        .contains("org.ecrm.segmentation.clv")
        .doesNotContain("org.ecrm.segmentation.clv.internal");
    assertThat(descriptor.exports()).filteredOn(e -> e.source().equals("org.ecrm.segmentation.clv"))
        .allSatisfy(e -> assertThat(e.isQualified()).isFalse());
  }
}
