package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.ecrm.core.io.SafeText;
import org.ecrm.segmentation.Binning;
import org.ecrm.segmentation.engine.MixedCurrencyException;
import org.ecrm.segmentation.RfmAnalysis;
import org.ecrm.segmentation.RfmResult;
import org.ecrm.segmentation.SegmentTable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The transaction-CSV input and RFM options shared by {@code segment} and {@code report}: the file, its
 * currency (see {@link TransactionInput}), bins, as-of date, binning method, segment rules and the
 * reader's limits.
 */
final class RfmInput extends TransactionInput {
  @Option(names = "--bins", paramLabel = "N", defaultValue = "5",
      description = "Score bins per dimension, 2 to 100 (default: ${DEFAULT-VALUE}).")
  int bins;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Analysis date, yyyy-mm-dd (default: the day after the last accepted transaction).")
  @Nullable LocalDate asOf;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "ntile",
      description = "Binning method: ntile or quantile (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "Segment rules as JSON (plain or gzip), or - for standard input (default: the "
          + "built-in table).")
  @Nullable Path rules;

  private @Nullable Binning checkedBinning;

  /** Usage checks (exit 2), before any output: bins, currency, method, limits, one standard input. */
  void check(CommandLine cl) {
    if (bins < 2 || bins > 100) {
      throw new CommandLine.ParameterException(cl, "--bins must be between 2 and 100: " + bins);
    }
    checkedBinning = switch (method.toLowerCase(Locale.ROOT)) {
      case "ntile" -> Binning.NTILE;
      case "quantile" -> Binning.QUANTILE;
      default -> throw new CommandLine.ParameterException(cl, "--method must be ntile or quantile: "
          + SafeText.abbreviate(method));
    };
    if (asOf != null && asOf.isBefore(LocalDate.EPOCH)) {
      throw new CommandLine.ParameterException(cl, "--as-of must not be before 1970-01-01: " + asOf);
    }
    Inputs.oneStdin(cl, file, rules);
    checkInput(cl);
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
    if (checkedBinning == null) {
      check(cl);
    }
    RfmAnalysis.Builder b = RfmAnalysis.builder().bins(bins).binning(checkedBinning);
    if (rules != null) {
      Inputs.require(command, rules);
      String json;
      try (InputStream in = org.ecrm.core.io.InputFiles.open(Inputs.openRaw(CommonOptions.cli(mixee), rules))) {
        json = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new BadInputException(command + ": " + SafeText.abbreviate(Inputs.name(rules)) + ": not UTF-8");
      }
      try {
        b.segments(SegmentTable.fromJson(json));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(command + ": " + SafeText.abbreviate(Inputs.name(rules)) + ": "
            + SafeText.abbreviate(String.valueOf(e.getMessage())));
      }
    }
    if (asOf != null) {
      b.asOf(asOf);
    } else {
      b.asOfDayAfterLast();
    }
    RfmResult result;
    try {
      result = b.build().run(wrap.apply(source(cl, command)));
    } catch (MixedCurrencyException e) {
      throw new BadInputException(command + ": " + SafeText.abbreviate(name()) + ": "
          + SafeText.abbreviate(clean(String.valueOf(e.getMessage()))) + " (a run takes one currency)");
    } catch (IllegalArgumentException e) {
      throw error(command, e);
    }
    rejects.addAll(name(), result.rejections());
    return result;
  }
}
