package org.ecrm.segmentation;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * How a transaction CSV file is laid out: a header row naming the columns, then one row per
 * transaction. Defaults match the {@code customer_id,date,amount} layout of the benchmark files.
 *
 * <ul>
 *   <li>customer: a signed 64-bit integer; a trailing {@code .0} is accepted (spreadsheet exports);</li>
 *   <li>date: ISO {@code yyyy-MM-dd}; anything after the tenth character (a time of day) is ignored;</li>
 *   <li>amount: a plain decimal with at most the currency's fraction digits, e.g. {@code -12.50};</li>
 *   <li>currency (optional column): an ISO 4217 code per row; it must equal {@link #currency()}.</li>
 * </ul>
 *
 * <p>Every row must have as many fields as the header (a row with more or fewer is rejected); a date
 * outside {@link #minDate()}..{@link #maxDate()} (default 1970-01-01..2100-12-31) and a field longer than
 * {@link #maxFieldLength()} characters (default 1 MiB) reject their row. Files are read through
 * {@link org.ecrm.core.io.InputFiles}: gzip is recognised by its magic bytes, a UTF-8 byte order mark is
 * skipped, bytes that are not UTF-8 reject the row when they are in a column that is read, and a
 * truncated gzip stream keeps the rows before the cut and reports {@code truncated gzip after line N}.
 *
 * @param customerColumn header of the customer column
 * @param dateColumn header of the date column
 * @param amountColumn header of the amount column
 * @param currencyColumn header of a per-row currency column, if the file has one
 * @param currency the analysis currency
 * @param minDate the earliest accepted date
 * @param maxDate the latest accepted date
 * @param maxFieldLength the longest accepted field, in characters
 */
public record CsvFormat(String customerColumn, String dateColumn, String amountColumn,
    Optional<String> currencyColumn, Currency currency, LocalDate minDate, LocalDate maxDate,
    int maxFieldLength) {
  /** The default earliest date, 1970-01-01. */
  public static final LocalDate DEFAULT_MIN_DATE = LocalDate.EPOCH;
  /** The default latest date, 2100-12-31. */
  public static final LocalDate DEFAULT_MAX_DATE = LocalDate.of(2100, 12, 31);

  /** A format with the default date range and field limit. */
  public CsvFormat(String customerColumn, String dateColumn, String amountColumn,
      Optional<String> currencyColumn, Currency currency) {
    this(customerColumn, dateColumn, amountColumn, currencyColumn, currency, DEFAULT_MIN_DATE,
        DEFAULT_MAX_DATE, org.ecrm.core.io.InputFiles.DEFAULT_MAX_FIELD_LENGTH);
  }

  /** Checks the components. */
  public CsvFormat {
    requireName("customerColumn", customerColumn);
    requireName("dateColumn", dateColumn);
    requireName("amountColumn", amountColumn);
    Objects.requireNonNull(currencyColumn, "currencyColumn");
    currencyColumn.ifPresent(c -> requireName("currencyColumn", c));
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(minDate, "minDate");
    Objects.requireNonNull(maxDate, "maxDate");
    if (minDate.isBefore(LocalDate.EPOCH)) {
      throw new IllegalArgumentException("minDate must not be before 1970-01-01: " + minDate);
    }
    if (maxDate.isBefore(minDate) || maxDate.getYear() > 9999) {
      throw new IllegalArgumentException("maxDate must be in minDate..9999-12-31: " + maxDate);
    }
    if (maxFieldLength < 1) {
      throw new IllegalArgumentException("maxFieldLength must be positive: " + maxFieldLength);
    }
  }

  /** A copy accepting dates in {@code from..to} (both included). */
  public CsvFormat withDateRange(LocalDate from, LocalDate to) {
    return new CsvFormat(customerColumn, dateColumn, amountColumn, currencyColumn, currency, from, to,
        maxFieldLength);
  }

  /** A copy accepting fields of at most {@code chars} characters. */
  public CsvFormat withMaxFieldLength(int chars) {
    return new CsvFormat(customerColumn, dateColumn, amountColumn, currencyColumn, currency, minDate, maxDate,
        chars);
  }

  /** {@code customer_id,date,amount} in {@code currency}. */
  public static CsvFormat defaults(Currency currency) {
    return new CsvFormat("customer_id", "date", "amount", Optional.empty(), currency);
  }

  /** A copy reading the currency of each row from {@code column}. */
  public CsvFormat withCurrencyColumn(String column) {
    return new CsvFormat(customerColumn, dateColumn, amountColumn, Optional.of(column), currency, minDate,
        maxDate, maxFieldLength);
  }

  /** A copy with other column names. */
  public CsvFormat withColumns(String customer, String date, String amount) {
    return new CsvFormat(customer, date, amount, currencyColumn, currency, minDate, maxDate, maxFieldLength);
  }

  private static void requireName(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank: \"" + value + "\"");
    }
  }
}
