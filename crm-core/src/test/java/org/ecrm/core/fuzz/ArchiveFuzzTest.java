package org.ecrm.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.io.StringWriter;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.service.ArchiveSummary;

/**
 * Fuzzes the archive reader ({@code Archive.importAll}). Properties: only a bad header line stops it (an
 * {@link IllegalArgumentException}); every rejection names a line of the input; a good record after
 * fuzzed lines is still stored; and whatever was stored exports, re-imports into an empty storage and
 * exports again to the identical text.
 */
class ArchiveFuzzTest {
  private static final String HEADER = "{\"format\":\"ecrm-archive\",\"version\":1}";
  private static final String GOOD_EMAIL = "zz-archived@example.org";
  /** A real customer record line, taken from an export. */
  private static final String GOOD_LINE;

  static {
    Crm crm = Crm.builder().discoverStorage(false).build();
    crm.customers().create(Customer.builder().name("Good", "Record").email(GOOD_EMAIL));
    StringWriter out = new StringWriter();
    crm.archive().exportAll(out);
    GOOD_LINE = out.toString().lines().filter(l -> l.contains(GOOD_EMAIL)).findFirst().orElseThrow();
  }

  @FuzzTest(maxDuration = "10m")
  void badLinesAreReportedAndWhatIsStoredRoundTrips(FuzzedDataProvider data) {
    boolean header = data.consumeBoolean();
    StringBuilder in = new StringBuilder(header ? HEADER + "\n" : "");
    int lines = data.consumeInt(0, 6);
    for (int i = 0; i < lines; i++) {
      in.append(data.consumeString(300).replace('\n', ' ').replace('\r', ' ')).append('\n');
    }
    boolean good = data.consumeBoolean();
    if (good) {
      in.append(GOOD_LINE).append('\n');
    }
    in.append(data.consumeRemainingAsString());
    Crm crm = Crm.builder().discoverStorage(false).build();
    ArchiveSummary s;
    try {
      s = crm.archive().importAll(new StringReader(in.toString()), org.ecrm.core.service.Archive.Mode.PARTIAL);
    } catch (IllegalArgumentException e) {
      assertThat(header).as("only a bad header refuses the whole archive: %s", e).isFalse();
      return;
    }
    long total = in.toString().split("\r\n|\r|\n", -1).length; // lines as a BufferedReader counts them
    for (ArchiveSummary.Rejected r : s.rejected()) {
      assertThat(r.line()).as("%s", r).isBetween(1L, total);
      assertThat(r.reason()).as("%s", r).isNotBlank();
    }
    long goodLine = 1L + lines + 1;
    if (good && header && s.rejected().stream().noneMatch(r -> r.line() == goodLine)) {
      assertThat(crm.customers().findByEmail(EmailAddress.of(GOOD_EMAIL))).as("input:%n%s%n%s", in, s).isPresent();
    }
    StringWriter out = new StringWriter();
    crm.archive().exportAll(out);
    Crm copy = Crm.builder().discoverStorage(false).build();
    ArchiveSummary back = copy.archive().importAll(new StringReader(out.toString()));
    assertThat(back.rejected()).as("export:%n%s", out).isEmpty();
    StringWriter again = new StringWriter();
    copy.archive().exportAll(again);
    assertThat(again.toString()).isEqualTo(out.toString());
  }
}
