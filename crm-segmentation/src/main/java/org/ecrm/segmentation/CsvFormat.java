package org.ecrm.segmentation;

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
 * @param customerColumn header of the customer column
 * @param dateColumn header of the date column
 * @param amountColumn header of the amount column
 * @param currencyColumn header of a per-row currency column, if the file has one
 * @param currency the analysis currency
 */
public record CsvFormat(String customerColumn, String dateColumn, String amountColumn,
    Optional<String> currencyColumn, Currency currency) {

  /** Checks the components. */
  public CsvFormat {
    requireName("customerColumn", customerColumn);
    requireName("dateColumn", dateColumn);
    requireName("amountColumn", amountColumn);
    Objects.requireNonNull(currencyColumn, "currencyColumn");
    currencyColumn.ifPresent(c -> requireName("currencyColumn", c));
    Objects.requireNonNull(currency, "currency");
  }

  /** {@code customer_id,date,amount} in {@code currency}. */
  public static CsvFormat defaults(Currency currency) {
    return new CsvFormat("customer_id", "date", "amount", Optional.empty(), currency);
  }

  /** A copy reading the currency of each row from {@code column}. */
  public CsvFormat withCurrencyColumn(String column) {
    return new CsvFormat(customerColumn, dateColumn, amountColumn, Optional.of(column), currency);
  }

  /** A copy with other column names. */
  public CsvFormat withColumns(String customer, String date, String amount) {
    return new CsvFormat(customer, date, amount, currencyColumn, currency);
  }

  private static void requireName(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank: \"" + value + "\"");
    }
  }
}
