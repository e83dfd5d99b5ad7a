package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.CustomerKeys;
import org.ecrm.segmentation.engine.TransactionSource;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import org.ecrm.core.Crm;
import org.ecrm.segmentation.internal.CsvColumns;
import org.ecrm.segmentation.internal.CsvSource;
import org.ecrm.segmentation.internal.OrderSource;

/** Factories for the file and crm-core adapters of {@link TransactionSource}. */
public final class TransactionSources {
  private TransactionSources() {
  }

  /**
   * A CSV file read with FastCSV (RFC 4180). Customer ids are taken as the host has them: a 64-bit
   * integer ({@code 42}, also {@code 0042} or {@code 42.0}) or any other text ({@code abc}, {@code C-0042}),
   * mixed freely; results find customers by that text ({@link RfmResult#find(String)}) and write it
   * back. Rows with a bad field are rejected with their line number and the field name (an id that is
   * empty, longer than 128 characters or holds a control character is bad); the other rows are kept. A row in another currency than the format's is a
   * {@link org.ecrm.segmentation.engine.MixedCurrencyException}.
   */
  public static TransactionSource csv(Path file, CsvFormat format) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    return new CsvSource(file, columns(format));
  }

  /**
   * The orders of a crm-core {@link Crm}, one transaction per order on the day it was placed in
   * {@code zone}, its amount chosen by {@code refunds}, each under its {@link org.ecrm.core.model.CustomerId}
   * as it is: the result finds a customer by that id ({@link RfmResult#find(org.ecrm.core.model.CustomerId)}).
   * Orders in another currency than {@code currency}'s are a
   * {@link org.ecrm.segmentation.engine.MixedCurrencyException}.
   *
   * @param crm the store
   * @param currency the analysis currency
   * @param zone the zone whose calendar day an order counts on
   * @param refunds how refunds count
   * @return the source
   */
  public static TransactionSource orders(Crm crm, java.util.Currency currency, ZoneId zone,
      RefundHandling refunds) {
    Objects.requireNonNull(crm, "crm");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(refunds, "refunds");
    return new OrderSource(crm, currency, zone, refunds == RefundHandling.NETTED, null);
  }

  /**
   * The orders of a crm-core {@link Crm}, one transaction per order on the day it was placed in
   * {@code zone}, its amount chosen by {@code refunds}; customer ids become dense keys through
   * {@code keys} (for hosts that want numeric keys; {@link #orders(Crm, java.util.Currency, ZoneId,
   * RefundHandling)} needs no dictionary).
   * Orders in another currency than {@code currency}'s are a {@link org.ecrm.segmentation.engine.MixedCurrencyException}.
   */
  public static TransactionSource orders(Crm crm, java.util.Currency currency, ZoneId zone,
      RefundHandling refunds, CustomerKeys keys) {
    Objects.requireNonNull(crm, "crm");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(refunds, "refunds");
    Objects.requireNonNull(keys, "keys");
    return new OrderSource(crm, currency, zone, refunds == RefundHandling.NETTED, keys);
  }

  /** The format's settings in the form the CSV reader takes. */
  static CsvColumns columns(CsvFormat format) {
    return new CsvColumns(format.customerColumn(), format.dateColumn(), format.amountColumn(),
        format.currencyColumn(), format.currency(), format.minDate(), format.maxDate(), format.maxFieldLength());
  }
}
