package org.ecrm.examples.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import org.ecrm.segmentation.CsvFormat;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentSummary;
import org.ecrm.segmentation.SegmentTable;
import org.ecrm.segmentation.TransactionSources;

/**
 * Your own segment names and score boxes, kept as JSON next to the code (or edited by analysts) and
 * used in an {@link RfmAnalysis}. The bundled {@code segments.json} is a 3-bin table: VIP, Big spenders,
 * Regulars, Win back, One-timers; rules are tried in order and the first match wins, cells no rule
 * covers fall into "Others".
 *
 * <pre>{@code
 * SegmentTable table = SegmentTable.fromJson(Files.readString(Path.of("segments.json")));
 * RfmResult result = RfmAnalysis.builder().bins(table.bins()).segments(table).asOf(today).build().run(source);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class CustomSegments {
  private CustomSegments() {}

  /** The bundled example table. */
  public static SegmentTable bundled() {
    try (InputStream in = CustomSegments.class.getResourceAsStream("segments.json")) {
      if (in == null) {
        throw new IllegalStateException("segments.json is missing from the jar");
      }
      return SegmentTable.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Scores a transaction CSV ({@code customer_id,date,amount}) with a table read from JSON.
   *
   * @throws IllegalArgumentException naming the rule and field when the JSON is invalid
   */
  public static RfmResult analyse(Path transactions, String tableJson, Currency currency, LocalDate asOf) {
    SegmentTable table = SegmentTable.fromJson(tableJson);
    return RfmAnalysis.builder().bins(table.bins()).segments(table).asOf(asOf).build()
        .run(TransactionSources.csv(transactions, CsvFormat.defaults(currency)));
  }

  /** Prints the segments of {@code args[0]} (a transaction CSV in EUR) with the bundled table, as of {@code args[1]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2 || !Files.isRegularFile(Path.of(args[0]))) {
      System.err.println("usage: CustomSegments TRANSACTIONS.csv AS_OF (yyyy-mm-dd)");
      System.exit(2);
    }
    String json;
    try (InputStream in = CustomSegments.class.getResourceAsStream("segments.json")) {
      json = new String(Objects.requireNonNull(in, "segments.json").readAllBytes(), StandardCharsets.UTF_8);
    }
    RfmResult r = analyse(Path.of(args[0]), json, Currency.getInstance("EUR"), LocalDate.parse(args[1]));
    for (SegmentSummary s : r.segments()) {
      System.out.printf("%-14s %6d customers %14s%n", s.segment(), s.customers(), s.revenue());
    }
  }
}
