package org.ecrm.core.internal.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import org.ecrm.core.internal.Json;
import org.junit.jupiter.api.Test;

class JacksonCheckTest {
  @Test
  void annotationsNewEnough_passes() {
    JacksonCheck.requireDatabind("test");
    assertThat(Json.mapper("test")).isNotNull();
  }

  @Test
  void annotationsMissingOrTooOld_failsNamingTheConflictAndTheFix() throws Exception {
    try (URLClassLoader without = new URLClassLoader(new URL[0], null)) {
      assertThatThrownBy(() -> JacksonCheck.check("The archive (Crm.archive())", without))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("The archive (Crm.archive()) uses jackson-databind 3")
          .hasMessageContaining("jackson-annotations 2.22 or newer")
          .hasMessageContaining("has jackson-annotations (none: the jar is missing)")
          .hasMessageContaining("Fix: manage com.fasterxml.jackson.core:jackson-annotations at 2.22 or newer")
          .hasCauseInstanceOf(ClassNotFoundException.class);
    }
  }

  @Test
  void message_namesTheVersionFound() {
    assertThat(JacksonCheck.message("CrmJacksonModule", "2.18.2"))
        .contains("CrmJacksonModule uses jackson-databind 3", "path has jackson-annotations 2.18.2",
            "does not use jackson-databind");
  }
}
