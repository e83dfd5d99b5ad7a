package org.ecrm.segmentation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/data next to the repository root (the directory holding the parent pom). */
final class SharedData {
  private SharedData() {
  }

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path pom = dir.resolve("pom.xml");
      try {
        if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>ecrm-parent</artifactId>")
            && Files.readString(pom).contains("<modules>")) {
          return dir;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no parent pom above " + Path.of("").toAbsolutePath());
  }

  /** The file under shared/data; the calling test is skipped when it is absent. */
  static Path require(String relative) {
    Path p = root().resolveSibling("shared").resolve("data").resolve(relative);
    assumeTrue(Files.exists(p), () -> "shared data not present: " + p);
    return p;
  }
}
