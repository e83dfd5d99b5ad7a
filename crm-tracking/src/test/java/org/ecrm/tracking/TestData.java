package org.ecrm.tracking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the shared data folder: walk up to the directory holding the parent pom, then ../shared/data. */
public final class TestData {
  private TestData() {}

  /** The file under shared/data, if present. */
  public static Optional<Path> find(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom) && Files.isDirectory(dir.resolve("crm-tracking"))) {
        Path f = dir.resolve("../shared/data").resolve(relative).normalize();
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }
}
