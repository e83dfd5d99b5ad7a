package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import org.ecrm.core.model.Money;
import org.ecrm.segmentation.Binning;
import org.ecrm.segmentation.CsvFormat;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentTable;
import org.ecrm.segmentation.TransactionSources;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The transaction-CSV input and RFM options shared by {@code segment} and {@code report}: the file, its
 * currency, bins, as-of date, binning method and segment rules.
 */
final class RfmInput {
  @Parameters(index = "0", paramLabel = "FILE",
      description = "The transaction CSV (header customer_id,date,amount; date yyyy-mm-dd).")
  Path file;

  @Option(names = "--currency", defaultValue = "EUR", description = "Currency of the amounts (default: ${DEFAULT-VALUE}).")
  String currency;

  @Option(names = "--bins", defaultValue = "5", description = "Score bins, 2..100 (default: ${DEFAULT-VALUE}).")
  int bins;

  @Option(names = "--as-of", description = "Analysis date yyyy-mm-dd (default: the day after the last transaction).")
  @Nullable LocalDate asOf;

  @Option(names = "--method", defaultValue = "ntile", description = "ntile or quantile (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--rules", paramLabel = "FILE", description = "Segment rules as JSON (default: the built-in table).")
  @Nullable Path rules;

  /**
   * Runs the analysis; rejected rows go to {@code err} as {@code file: rejection}.
   *
   * @throws BadInputException naming the file when the CSV or the rules file is missing or invalid
   * @throws CommandLine.ParameterException for an unknown {@code --method}
   */
  RfmResult analyse(CommandLine cl, String command) throws IOException {
    PrintWriter err = cl.getErr();
    BadInputException.requireFile(command, file);
    RfmAnalysis.Builder b = RfmAnalysis.builder().bins(bins).binning(switch (method.toLowerCase(Locale.ROOT)) {
      case "ntile" -> Binning.NTILE;
      case "quantile" -> Binning.QUANTILE;
      default -> throw new CommandLine.ParameterException(cl, "--method must be ntile or quantile: " + method);
    });
    if (rules != null) {
      BadInputException.requireFile(command, rules);
      try {
        b.segments(SegmentTable.fromJson(Files.readString(rules)));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(command + ": " + rules + ": " + e.getMessage());
      }
    }
    b.asOf(asOf != null ? asOf : lastDatePlusOne());
    RfmResult result = b.build().run(TransactionSources.csv(file, CsvFormat.defaults(Money.currency(currency))));
    result.rejections().forEach(r -> err.println(file + ": " + r));
    err.flush();
    return result;
  }

  /** A date, or nothing when invalid (the analysis rejects that row with its line and field). */
  private static java.util.stream.Stream<LocalDate> date(String d) {
    try {
      return java.util.stream.Stream.of(LocalDate.parse(d));
    } catch (java.time.DateTimeException e) {
      return java.util.stream.Stream.empty();
    }
  }

  private LocalDate lastDatePlusOne() throws IOException {
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.skip(1).map(l -> l.split(",", -1)).filter(p -> p.length > 1)
          .map(p -> p[1].strip()).filter(d -> d.matches("\\d{4}-\\d{2}-\\d{2}")).flatMap(RfmInput::date)
          .max(Comparator.naturalOrder()).orElse(LocalDate.now()).plusDays(1);
    }
  }
}
