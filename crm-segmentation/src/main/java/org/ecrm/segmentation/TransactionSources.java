package org.ecrm.segmentation;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import org.ecrm.core.Crm;
import org.ecrm.segmentation.internal.CsvSource;
import org.ecrm.segmentation.internal.OrderSource;

/** Factories for the file and crm-core adapters of {@link TransactionSource}. */
public final class TransactionSources {
  private TransactionSources() {
  }

  /**
   * A CSV file read with FastCSV (RFC 4180). Rows with a bad field are rejected with their line number
   * and the field name; the other rows are kept. A row in another currency than the format's is a
   * {@link MixedCurrencyException}.
   */
  public static TransactionSource csv(Path file, CsvFormat format) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    return new CsvSource(file, format);
  }

  /**
   * The orders of a crm-core {@link Crm}, one transaction per order on the day it was placed in
   * {@code zone}, its amount chosen by {@code refunds}; customer ids become keys through {@code keys}.
   * Orders in another currency than {@code currency}'s are a {@link MixedCurrencyException}.
   */
  public static TransactionSource orders(Crm crm, java.util.Currency currency, ZoneId zone,
      RefundHandling refunds, CustomerKeys keys) {
    Objects.requireNonNull(crm, "crm");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(refunds, "refunds");
    Objects.requireNonNull(keys, "keys");
    return new OrderSource(crm, currency, zone, refunds, keys);
  }
}
