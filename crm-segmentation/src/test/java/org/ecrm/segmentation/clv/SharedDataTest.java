package org.ecrm.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The CDNOW copies in the test resources are byte-identical to the repository's shared data folder
 * ({@code <repo>/../shared/data/cdnow}); skipped where that folder is absent.
 */
class SharedDataTest {

  @Test
  void shippedCopies_equalSharedData() throws IOException {
    Path shared = Cdnow.sharedCdnowDir();
    for (String name : new String[] {
        "cdnow_customers_summary_with_transactions.csv", "CDNOW_sample.txt", "LICENSE-lifetimes.txt"}) {
      try (InputStream in = Objects.requireNonNull(Cdnow.class.getResourceAsStream(name), name)) {
        assertThat(in.readAllBytes()).as(name).isEqualTo(Files.readAllBytes(shared.resolve(name)));
      }
    }
  }

  @Test
  void sharedSummaryCsv_parsesToTheSameCustomers() throws IOException {
    Path csv = Cdnow.sharedCdnowDir().resolve("cdnow_customers_summary_with_transactions.csv");
    try (InputStream in = Files.newInputStream(csv)) {
      assertThat(Cdnow.parse(in)).hasSize(2357).isEqualTo(Cdnow.summaries());
    }
  }
}
