package org.ecrm.examples.cli;

import java.time.LocalDate;
import org.ecrm.core.io.InputFiles;
import org.ecrm.segmentation.CsvFormat;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The limits of the transaction-CSV reader shared by {@code segment}, {@code report} and {@code summary}. */
final class ReadLimits {
  @Option(names = "--min-date", paramLabel = "DATE", description = "Earliest accepted date (default: 1970-01-01).")
  LocalDate minDate = CsvFormat.DEFAULT_MIN_DATE;

  @Option(names = "--max-date", paramLabel = "DATE", description = "Latest accepted date (default: 2100-12-31).")
  LocalDate maxDate = CsvFormat.DEFAULT_MAX_DATE;

  @Option(names = "--max-field-length", paramLabel = "CHARS",
      description = "Longest accepted field; a longer one rejects its row (default: 1048576).")
  int maxFieldLength = InputFiles.DEFAULT_MAX_FIELD_LENGTH;

  /** Usage checks (exit 2). */
  void check(CommandLine cl) {
    if (minDate.isBefore(LocalDate.EPOCH)) {
      throw new CommandLine.ParameterException(cl, "--min-date must not be before 1970-01-01: " + minDate);
    }
    if (maxDate.isBefore(minDate) || maxDate.getYear() > 9999) {
      throw new CommandLine.ParameterException(cl, "--max-date must be in --min-date..9999-12-31: " + maxDate);
    }
    if (maxFieldLength < 1) {
      throw new CommandLine.ParameterException(cl, "--max-field-length must be positive: " + maxFieldLength);
    }
  }

  CsvFormat apply(CsvFormat f) {
    return f.withDateRange(minDate, maxDate).withMaxFieldLength(maxFieldLength);
  }
}
