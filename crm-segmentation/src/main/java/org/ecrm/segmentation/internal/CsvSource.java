package org.ecrm.segmentation.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import org.ecrm.segmentation.CsvFormat;
import org.ecrm.segmentation.MixedCurrencyException;
import org.ecrm.segmentation.Rejection;
import org.ecrm.segmentation.TransactionSink;
import org.ecrm.segmentation.TransactionSource;

/** CSV adapter over FastCSV. Immutable; each read opens the file anew. */
public final class CsvSource implements TransactionSource {
  private final Path file;
  private final CsvFormat format;

  public CsvSource(Path file, CsvFormat format) {
    this.file = file;
    this.format = format;
  }

  @Override
  public void read(TransactionSink sink) {
    Currency currency = format.currency();
    int fraction = Math.max(currency.getDefaultFractionDigits(), 0);
    Sources.BatchBuilder out = new Sources.BatchBuilder(currency, sink);
    try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).allowMissingFields(true).allowExtraFields(true)
        .ofCsvRecord(file, StandardCharsets.UTF_8)) {
      Iterator<CsvRecord> it = reader.iterator();
      if (!it.hasNext()) {
        return;
      }
      List<String> header = it.next().getFields();
      int ci = column(header, format.customerColumn());
      int di = column(header, format.dateColumn());
      int ai = column(header, format.amountColumn());
      int cu = format.currencyColumn().map(c -> column(header, c)).orElse(-1);
      int need = Math.max(Math.max(ci, di), Math.max(ai, cu));
      while (it.hasNext()) {
        CsvRecord r = it.next();
        long line = r.getStartingLineNumber();
        if (r.getFieldCount() <= need) {
          sink.reject(new Rejection(line, header.get(need), "missing: the row has " + r.getFieldCount()
              + " fields"));
          continue;
        }
        String field = format.customerColumn();
        try {
          long customer = Parse.customer(r.getField(ci).strip());
          field = format.dateColumn();
          long day = Parse.epochDay(r.getField(di).strip());
          field = format.amountColumn();
          long amount = Parse.minorUnits(r.getField(ai).strip(), fraction);
          if (cu >= 0) {
            String code = r.getField(cu).strip();
            if (!code.equals(currency.getCurrencyCode())) {
              Currency other;
              try {
                other = Currency.getInstance(code);
              } catch (IllegalArgumentException e) {
                sink.reject(new Rejection(line, format.currencyColumn().orElseThrow(),
                    "unknown ISO 4217 currency code: \"" + code + "\""));
                continue;
              }
              throw new MixedCurrencyException(currency, other, line);
            }
          }
          out.add(line, customer, day, amount);
        } catch (MixedCurrencyException e) {
          throw e;
        } catch (RuntimeException e) {
          sink.reject(new Rejection(line, field, e.getMessage() == null ? e.toString() : e.getMessage()));
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private int column(List<String> header, String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(file + ": no column \"" + name + "\" in the header " + header);
    }
    return i;
  }
}
