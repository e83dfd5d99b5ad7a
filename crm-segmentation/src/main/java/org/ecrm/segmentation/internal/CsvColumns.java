package org.ecrm.segmentation.internal;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * The settings the CSV readers take: the public CSV format's components, already checked by it.
 *
 * @param customerColumn the customer id column's header
 * @param dateColumn the date column's header
 * @param amountColumn the amount column's header
 * @param currencyColumn the currency column's header, if the file has one
 * @param currency the analysis currency
 * @param minDate the earliest accepted date
 * @param maxDate the latest accepted date
 * @param maxFieldLength the longest accepted field, in characters
 */
public record CsvColumns(String customerColumn, String dateColumn, String amountColumn,
    Optional<String> currencyColumn, Currency currency, LocalDate minDate, LocalDate maxDate,
    int maxFieldLength) {}
