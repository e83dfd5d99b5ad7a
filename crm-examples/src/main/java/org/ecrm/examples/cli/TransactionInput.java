package org.ecrm.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.ecrm.core.io.InputFiles;
import org.ecrm.core.io.SafeText;
import org.ecrm.core.model.Money;
import org.ecrm.segmentation.CsvFormat;
import org.ecrm.segmentation.engine.TransactionSource;
import org.ecrm.segmentation.TransactionSources;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The transaction-CSV input shared by {@code segment}, {@code report}, {@code summary} and {@code clv}:
 * the file ({@code -} for standard input, plain or gzip), its currency and the reader's limits.
 *
 * <p>The currency rule, the same for every command: when the file has a {@value #CURRENCY_COLUMN}
 * column, the currency comes from the data (the first row with a valid ISO 4217 code; every row must
 * then be in that currency) and {@code --currency}, if given, must agree with it; without that column
 * {@code --currency} is required (a usage error, exit 2, names it). There is no built-in default.
 * Not thread-safe.
 */
class TransactionInput {
  /** The optional per-row currency column of a transaction CSV. */
  static final String CURRENCY_COLUMN = "currency";
  /** Data rows looked at for the currency of the data. */
  private static final int CURRENCY_PEEK_ROWS = 1000;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Parameters(index = "0", paramLabel = "FILE",
      description = "The transaction CSV, or - for standard input; plain or gzip. Header: "
          + "customer_id,date,amount and optionally currency; dates are yyyy-mm-dd.")
  Path file;

  @Option(names = "--currency", paramLabel = "CODE",
      description = "ISO 4217 code of the amounts, e.g. EUR. Required unless the file has a currency "
          + "column; then it must match the data.")
  @Nullable String currency;

  @Mixin
  ReadLimits limits;

  private @Nullable Path readable;
  private @Nullable CsvFormat format;
  private final AtomicLong copied = new AtomicLong();

  /** Usage checks (exit 2): the currency code when given, the limits. */
  void checkInput(CommandLine cl) {
    if (currency != null) {
      currency(cl, currency);
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

  /** The input's name in messages: the path, or {@code stdin}. */
  String name() {
    return Inputs.name(file);
  }

  /** Bytes of standard input copied so far (0 for a file). */
  long bytesCopied() {
    return copied.get();
  }

  /**
   * The file to read: the file itself, or standard input copied to a temporary file (once per command).
   *
   * @throws BadInputException when the file does not exist
   */
  Path readable(String command) {
    if (readable == null) {
      readable = Inputs.readable(CommonOptions.cli(mixee), command, file, copied);
    }
    return readable;
  }

  /**
   * The error of a failed read as {@code command: FILE: message}, the file named once even when the
   * library's message names it already, and a copy of standard input named {@code stdin}.
   */
  BadInputException error(String command, RuntimeException e) {
    String message = clean(String.valueOf(e.getMessage()));
    String prefix = message.startsWith(name() + ":") ? "" : name() + ": ";
    return new BadInputException(command + ": " + SafeText.abbreviate(prefix + message));
  }

  /** {@code message} with a temporary copy of standard input named {@code stdin}. */
  String clean(String message) {
    return readable == null ? message : Inputs.clean(message, readable, file);
  }

  /**
   * The CSV format: the currency by the rule above, the limits applied.
   *
   * @throws CommandLine.ParameterException (exit 2) when the currency is neither in the data nor given
   * @throws BadInputException when the file does not exist or {@code --currency} contradicts the data
   */
  CsvFormat format(CommandLine cl, String command) {
    if (format != null) {
      return format;
    }
    Path path = readable(command);
    Optional<String> fromData;
    boolean column;
    try {
      DataCurrency dc = dataCurrency(path);
      column = dc.column();
      fromData = dc.code();
    } catch (IOException e) {
      if (currency == null) {
        throw new BadInputException(command + ": " + SafeText.abbreviate(name()) + ": "
            + SafeText.abbreviate(clean(String.valueOf(e.getMessage()))));
      }
      // the currency is given: the reader reports what is wrong with the file, row by row
      column = false;
      fromData = Optional.empty();
    }
    Currency cur;
    if (currency != null) {
      cur = currency(cl, currency);
      if (fromData.isPresent() && !fromData.get().equals(cur.getCurrencyCode())) {
        throw new BadInputException(command + ": " + SafeText.abbreviate(name()) + ": the currency column says "
            + SafeText.abbreviate(fromData.get()) + ", --currency says " + cur.getCurrencyCode());
      }
    } else if (fromData.isPresent()) {
      cur = Money.currency(fromData.get());
    } else {
      throw new CommandLine.ParameterException(cl, "--currency is required: " + SafeText.abbreviate(name())
          + (column ? " has no valid code in its currency column" : " has no currency column")
          + " (give the ISO 4217 code of the amounts, e.g. --currency EUR)");
    }
    CsvFormat f = limits.apply(CsvFormat.defaults(cur));
    format = column ? f.withCurrencyColumn(CURRENCY_COLUMN) : f;
    return format;
  }

  /** The transactions, read by the library's CSV reader. */
  TransactionSource source(CommandLine cl, String command) {
    return TransactionSources.csv(readable(command), format(cl, command));
  }

  /** Whether the file has a currency column, and the code of its first data row with a valid one. */
  record DataCurrency(boolean column, Optional<String> code) {
  }

  static DataCurrency dataCurrency(Path path) throws IOException {
    try (BufferedReader r = new BufferedReader(InputFiles.reader(path))) {
      String header = r.readLine();
      if (header == null) {
        return new DataCurrency(false, Optional.empty());
      }
      int index = fields(header).indexOf(CURRENCY_COLUMN);
      if (index < 0) {
        return new DataCurrency(false, Optional.empty());
      }
      String line;
      int rows = 0;
      while ((line = r.readLine()) != null && rows++ < CURRENCY_PEEK_ROWS) {
        List<String> f = fields(line);
        if (index < f.size()) {
          String code = f.get(index).trim();
          try {
            return new DataCurrency(true, Optional.of(Money.currency(code).getCurrencyCode()));
          } catch (IllegalArgumentException e) {
            // the reader rejects this row; look at the next one
          }
        }
      }
      return new DataCurrency(true, Optional.empty());
    }
  }

  /** The fields of one CSV line (RFC 4180 quotes; a quoted line break is not followed). */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          b.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          b.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(b.toString().trim());
        b.setLength(0);
      } else {
        b.append(c);
      }
    }
    out.add(b.toString().trim());
    return out;
  }
}
