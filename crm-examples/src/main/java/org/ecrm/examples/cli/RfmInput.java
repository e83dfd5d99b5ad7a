package org.ecrm.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import org.ecrm.core.io.SafeText;
import org.ecrm.core.model.Money;
import org.ecrm.segmentation.Binning;
import org.ecrm.segmentation.CsvFormat;
import org.ecrm.segmentation.engine.MixedCurrencyException;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentTable;
import org.ecrm.segmentation.TransactionSources;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The transaction-CSV input and RFM options shared by {@code segment} and {@code report}: the file, its
 * currency, bins, as-of date, binning method, segment rules and the reader's limits.
 */
final class RfmInput {
  @Parameters(index = "0", paramLabel = "FILE",
      description = "The transaction CSV, plain or gzip (header customer_id,date,amount; date yyyy-mm-dd).")
  Path file;

  @Option(names = "--currency", defaultValue = "EUR", description = "Currency of the amounts (default: ${DEFAULT-VALUE}).")
  String currency;

  @Option(names = "--bins", defaultValue = "5", description = "Score bins, 2..100 (default: ${DEFAULT-VALUE}).")
  int bins;

  @Option(names = "--as-of", description = "Analysis date yyyy-mm-dd (default: the day after the last accepted transaction).")
  @Nullable LocalDate asOf;

  @Option(names = "--method", defaultValue = "ntile", description = "ntile or quantile (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--rules", paramLabel = "FILE", description = "Segment rules as JSON (default: the built-in table).")
  @Nullable Path rules;

  @Mixin
  ReadLimits limits;

  private @Nullable Currency checkedCurrency;
  private @Nullable Binning checkedBinning;

  /** Usage checks (exit 2), before any output: bins, currency, method, limits. */
  void check(CommandLine cl) {
    if (bins < 2 || bins > 100) {
      throw new CommandLine.ParameterException(cl, "--bins must be between 2 and 100: " + bins);
    }
    checkedCurrency = currency(cl, currency);
    checkedBinning = switch (method.toLowerCase(Locale.ROOT)) {
      case "ntile" -> Binning.NTILE;
      case "quantile" -> Binning.QUANTILE;
      default -> throw new CommandLine.ParameterException(cl, "--method must be ntile or quantile: "
          + SafeText.abbreviate(method));
    };
    if (asOf != null && asOf.isBefore(LocalDate.EPOCH)) {
      throw new CommandLine.ParameterException(cl, "--as-of must not be before 1970-01-01: " + asOf);
    }
    limits.check(cl);
  }

  /** An ISO 4217 currency, else a usage error. */
  static Currency currency(CommandLine cl, String code) {
    try {
      return Money.currency(code);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--currency must be an ISO 4217 code: "
          + SafeText.abbreviate(code));
    }
  }

  /**
   * Runs the analysis in one pass over the file; rejected rows go to {@code rejects}.
   *
   * @throws BadInputException naming the file when the CSV or the rules file is missing or invalid
   */
  RfmResult analyse(CommandLine cl, String command, Rejects rejects) throws IOException {
    return analyse(cl, command, rejects, java.util.function.UnaryOperator.identity());
  }

  /** As {@link #analyse(CommandLine, String, Rejects)}, reading the file through {@code wrap} (e.g. to tee it). */
  RfmResult analyse(CommandLine cl, String command, Rejects rejects,
      java.util.function.UnaryOperator<org.ecrm.segmentation.engine.TransactionSource> wrap) throws IOException {
    if (checkedCurrency == null || checkedBinning == null) {
      check(cl);
    }
    BadInputException.requireFile(command, file);
    RfmAnalysis.Builder b = RfmAnalysis.builder().bins(bins).binning(checkedBinning);
    if (rules != null) {
      BadInputException.requireFile(command, rules);
      try {
        b.segments(SegmentTable.fromJson(Files.readString(rules)));
      } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
        throw new BadInputException(command + ": " + SafeText.abbreviate(rules.toString()) + ": "
            + SafeText.abbreviate(String.valueOf(e.getMessage())));
      }
    }
    if (asOf != null) {
      b.asOf(asOf);
    } else {
      b.asOfDayAfterLast();
    }
    CsvFormat format = limits.apply(CsvFormat.defaults(checkedCurrency));
    RfmResult result;
    try {
      result = b.build().run(wrap.apply(TransactionSources.csv(file, format)));
    } catch (MixedCurrencyException e) {
      throw new BadInputException(command + ": " + SafeText.abbreviate(file.toString()) + ": "
          + SafeText.abbreviate(String.valueOf(e.getMessage())) + " (use --currency)");
    } catch (IllegalArgumentException e) {
      throw new BadInputException(command + ": " + SafeText.abbreviate(String.valueOf(e.getMessage())));
    }
    rejects.addAll(file, result.rejections());
    return result;
  }
}
