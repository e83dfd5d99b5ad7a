package org.ecrm.segmentation.internal;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.ecrm.segmentation.CsvFormat;
import org.ecrm.segmentation.MixedCurrencyException;
import org.ecrm.segmentation.Rejection;
import org.ecrm.segmentation.TransactionSink;
import org.ecrm.segmentation.TransactionSource;
import org.jspecify.annotations.Nullable;

/**
 * CSV adapter over FastCSV (RFC 4180: quotes, escaped quotes, line breaks inside quotes, CR/LF/CRLF).
 * FastCSV hands each field over as a slice of its character buffer; the three (or four) columns of
 * interest are parsed straight from the slice, with no {@code String} per field. A field that is not
 * in the plain form (spaces around it, a quoted value with escapes, anything unusual) goes through
 * {@link Parse} as a string, which gives the same value or the same error message. Immutable; each read
 * opens the file anew.
 */
public final class CsvSource implements TransactionSource {
  private final Path file;
  private final CsvFormat format;

  public CsvSource(Path file, CsvFormat format) {
    this.file = file;
    this.format = format;
  }

  /**
   * The file aggregated by {@link PlainCsv}'s parallel byte path, or empty when that path does not
   * apply; same result as reading it into one accumulator.
   */
  public java.util.Optional<CustomerTable> aggregateFast(java.util.function.Supplier<CustomerTable> factory,
      int threads) {
    return PlainCsv.aggregate(file, format, factory, threads);
  }

  @Override
  public void read(TransactionSink sink) {
    Handler handler = new Handler(sink);
    try (InputStream in = Files.newInputStream(file);
        CsvReader<Boolean> reader = CsvReader.builder().skipEmptyLines(true).allowMissingFields(true)
            .allowExtraFields(true).build(handler, in, StandardCharsets.UTF_8)) {
      for (Boolean ignored : reader) {
        // the handler does the work record by record
      }
      handler.out.flush();
    } catch (CsvParseException e) {
      // FastCSV wraps what the handler throws; a mixed currency is the caller's error, not a parse error
      if (e.getCause() instanceof MixedCurrencyException mixed) {
        throw mixed;
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Per-field parse state of the current record. Not thread-safe. */
  private final class Handler extends AbstractBaseCsvCallbackHandler<Boolean> {
    private final TransactionSink sink;
    private final Currency currency;
    private final String code;
    private final int fraction;
    final Sources.BatchBuilder out;
    private @Nullable List<String> header = new ArrayList<>();
    private List<String> headerNames = List.of();
    private int ci;
    private int di;
    private int ai;
    private int cu = -1;
    private int need;
    // the record being read: value when parsed from the slice, else the raw text for Parse
    private long customer;
    private long day;
    private long amount;
    private boolean currencyOk;
    private @Nullable String rawCustomer;
    private @Nullable String rawDate;
    private @Nullable String rawAmount;
    private @Nullable String rawCurrency;
    // direct-mapped cache of parsed dates: yyyymmdd -> epoch day
    private final int[] dateKeys = new int[4096];
    private final long[] dateDays = new long[4096];

    Handler(TransactionSink sink) {
      this.sink = sink;
      this.currency = format.currency();
      this.code = currency.getCurrencyCode();
      this.fraction = Math.max(currency.getDefaultFractionDigits(), 0);
      this.out = new Sources.BatchBuilder(currency, sink);
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
      rawCustomer = null;
      rawDate = null;
      rawAmount = null;
      rawCurrency = null;
      currencyOk = false;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
      if (header != null) {
        header.add(new String(buf, offset, len));
        return;
      }
      if (index == ci) {
        long v = customer(buf, offset, len);
        if (v == Long.MIN_VALUE) {
          rawCustomer = new String(buf, offset, len);
        } else {
          customer = v;
        }
      }
      if (index == di) {
        long v = epochDay(buf, offset, len);
        if (v == Long.MIN_VALUE) {
          rawDate = new String(buf, offset, len);
        } else {
          day = v;
        }
      }
      if (index == ai) {
        long v = minorUnits(buf, offset, len);
        if (v == Long.MIN_VALUE) {
          rawAmount = new String(buf, offset, len);
        } else {
          amount = v;
        }
      }
      if (index == cu) {
        currencyOk = len == code.length() && code.contentEquals(java.nio.CharBuffer.wrap(buf, offset, len));
        if (!currencyOk) {
          rawCurrency = new String(buf, offset, len);
        }
      }
    }

    @Override
    protected Boolean buildRecord() {
      if (getRecordType() != RecordType.DATA) {
        return Boolean.TRUE; // an empty line (skipped by the reader) or a comment
      }
      if (header != null) {
        headerNames = List.copyOf(header);
        header = null;
        ci = column(format.customerColumn());
        di = column(format.dateColumn());
        ai = column(format.amountColumn());
        cu = format.currencyColumn().map(this::column).orElse(-1);
        need = Math.max(Math.max(ci, di), Math.max(ai, cu));
        return Boolean.TRUE;
      }
      long line = getStartingLineNumber();
      if (getFieldCount() <= need) {
        sink.reject(new Rejection(line, headerNames.get(need), "missing: the row has " + getFieldCount()
            + " fields"));
        return Boolean.TRUE;
      }
      String field = format.customerColumn();
      try {
        long c = rawCustomer == null ? customer : Parse.customer(rawCustomer.strip());
        field = format.dateColumn();
        long d = rawDate == null ? day : Parse.epochDay(rawDate.strip());
        field = format.amountColumn();
        long a = rawAmount == null ? amount : Parse.minorUnits(rawAmount.strip(), fraction);
        if (cu >= 0 && !currencyOk) {
          String other = rawCurrency == null ? "" : rawCurrency.strip();
          if (!other.equals(code)) {
            Currency found;
            try {
              found = Currency.getInstance(other);
            } catch (IllegalArgumentException e) {
              sink.reject(new Rejection(line, format.currencyColumn().orElseThrow(),
                  "unknown ISO 4217 currency code: \"" + other + "\""));
              return Boolean.TRUE;
            }
            throw new MixedCurrencyException(currency, found, line);
          }
        }
        out.add(line, c, d, a);
      } catch (MixedCurrencyException e) {
        throw e;
      } catch (RuntimeException e) {
        sink.reject(new Rejection(line, field, e.getMessage() == null ? e.toString() : e.getMessage()));
      }
      return Boolean.TRUE;
    }

    private int column(String name) {
      int i = headerNames.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException(file + ": no column \"" + name + "\" in the header " + headerNames);
      }
      return i;
    }

    /** A plain signed integer (optionally ending ".0"), or Long.MIN_VALUE to use the string path. */
    private long customer(char[] b, int off, int len) {
      int end = off + len;
      if (len > 2 && b[end - 2] == '.' && b[end - 1] == '0') {
        end -= 2;
      }
      int i = off;
      boolean neg = false;
      if (i < end && (b[i] == '-' || b[i] == '+')) {
        neg = b[i] == '-';
        i++;
      }
      if (i == end || end - i > 18) {
        return Long.MIN_VALUE;
      }
      long v = 0;
      for (; i < end; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          return Long.MIN_VALUE;
        }
        v = v * 10 + d;
      }
      return neg ? -v : v;
    }

    /** yyyy-MM-dd (then ' ' or 'T' and anything), or Long.MIN_VALUE to use the string path. */
    private long epochDay(char[] b, int off, int len) {
      if (len < 10 || b[off + 4] != '-' || b[off + 7] != '-'
          || (len > 10 && b[off + 10] != ' ' && b[off + 10] != 'T')) {
        return Long.MIN_VALUE;
      }
      int y = digits(b, off, 4);
      int m = digits(b, off + 5, 2);
      int d = digits(b, off + 8, 2);
      if (y < 0 || m < 0 || d < 0) {
        return Long.MIN_VALUE;
      }
      int key = y * 10_000 + m * 100 + d;
      int slot = (key ^ (key >>> 12)) & (dateKeys.length - 1);
      if (dateKeys[slot] == key) {
        return dateDays[slot];
      }
      try {
        long days = LocalDate.of(y, m, d).toEpochDay();
        dateKeys[slot] = key;
        dateDays[slot] = days;
        return days;
      } catch (java.time.DateTimeException e) {
        return Long.MIN_VALUE;
      }
    }

    private int digits(char[] b, int off, int n) {
      int v = 0;
      for (int i = off; i < off + n; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          return -1;
        }
        v = v * 10 + d;
      }
      return v;
    }

    /** A plain decimal in minor units, or Long.MIN_VALUE to use the string path. */
    private long minorUnits(char[] b, int off, int len) {
      int end = off + len;
      int i = off;
      boolean neg = false;
      if (i < end && (b[i] == '-' || b[i] == '+')) {
        neg = b[i] == '-';
        i++;
      }
      long v = 0;
      int digitsSeen = 0;
      int frac = -1;
      for (; i < end; i++) {
        char c = b[i];
        if (c == '.' && frac < 0) {
          frac = 0;
          continue;
        }
        int d = c - '0';
        if (d < 0 || d > 9) {
          return Long.MIN_VALUE;
        }
        if (frac >= 0 && ++frac > fraction) {
          if (d != 0) {
            return Long.MIN_VALUE;
          }
          continue;
        }
        if (++digitsSeen > 17) {
          return Long.MIN_VALUE; // might overflow: let the exact path decide
        }
        v = v * 10 + d;
      }
      if (digitsSeen == 0 || digitsSeen + fraction - Math.max(frac, 0) > 18) {
        return Long.MIN_VALUE;
      }
      for (int k = Math.max(frac, 0); k < fraction; k++) {
        v *= 10;
      }
      return neg ? -v : v;
    }
  }
}
