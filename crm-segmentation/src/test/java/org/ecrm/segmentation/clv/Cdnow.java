package org.ecrm.segmentation.clv;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The CDNOW_sample summary (2,357 customers, weeks), from the test resources or the shared data. */
public final class Cdnow {
  private static final String RESOURCE = "cdnow_customers_summary_with_transactions.csv";
  private static volatile List<CustomerSummary> cached;

  private Cdnow() {}

  /** All 2,357 customers in file order (ID 1 first), from the copy in the test resources. */
  public static List<CustomerSummary> summaries() {
    List<CustomerSummary> c = cached;
    if (c == null) {
      try (InputStream in = Objects.requireNonNull(
          Cdnow.class.getResourceAsStream(RESOURCE), RESOURCE)) {
        c = parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      cached = c;
    }
    return c;
  }

  /** Parses the {@code ID,x,t_x,T,zbar} format (CRLF or LF, optional final newline). */
  static List<CustomerSummary> parse(InputStream in) throws IOException {
    List<CustomerSummary> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = r.readLine();
      if (header == null || !header.strip().equals("ID,x,t_x,T,zbar")) {
        throw new IOException("unexpected header: " + header);
      }
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.strip().split(",");
        out.add(new CustomerSummary(Double.parseDouble(f[1]), Double.parseDouble(f[2]),
            Double.parseDouble(f[3]), Double.parseDouble(f[4])));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The shared data folder {@code <repo>/../shared/data/cdnow}: walks up from the working directory to
   * the directory holding the parent pom (the one with {@code <modules>}). Skips the calling test when it is absent.
   */
  static Path sharedCdnowDir() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path pom = dir.resolve("pom.xml");
      try {
        if (Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>")) {
          break;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      dir = dir.getParent();
    }
    assumeTrue(dir != null, "parent pom not found above the working directory");
    Path cdnow = dir.resolve("../shared/data/cdnow").normalize();
    assumeTrue(Files.isDirectory(cdnow), "shared CDNOW data absent: " + cdnow);
    return cdnow;
  }
}
