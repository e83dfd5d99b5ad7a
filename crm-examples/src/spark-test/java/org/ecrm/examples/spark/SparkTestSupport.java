package org.ecrm.examples.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The shared local[2] session of a test class and the shared data folder. */
final class SparkTestSupport {
  private SparkTestSupport() {
  }

  static SparkSession localSession(String name) {
    return SparkSession.builder().appName(name).master("local[2]")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }

  /** {@code <repo>/../shared/data/<relative>}, found by walking up to the parent pom. */
  static Path sharedData(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path pom = dir.resolve("pom.xml");
      try {
        if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>ecrm-parent</artifactId>")
            && Files.readString(pom).contains("<modules>")) {
          return dir.resolveSibling("shared").resolve("data").resolve(relative);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no parent pom above " + Path.of("").toAbsolutePath());
  }
}
