package org.ecrm.segmentation.internal;

import org.ecrm.segmentation.engine.internal.BatchBuilder;
import org.ecrm.segmentation.engine.internal.CustomerTable;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.ecrm.core.io.InputFiles;
import org.ecrm.core.io.TruncatedInputException;
import org.ecrm.segmentation.internal.util.CustomerIds;
import org.ecrm.segmentation.engine.MixedCurrencyException;
import org.ecrm.segmentation.engine.RejectedRecord;
import org.ecrm.segmentation.engine.TransactionSink;
import org.ecrm.segmentation.engine.TransactionSource;
import org.jspecify.annotations.Nullable;

/**
 * CSV adapter over FastCSV (RFC 4180: quotes, escaped quotes, line breaks inside quotes, CR/LF/CRLF).
 * The file is opened by {@link InputFiles} (gzip by magic bytes, BOM skipped, malformed UTF-8 replaced
 * so the row that holds it is rejected). FastCSV hands each field over as a slice of its character
 * buffer; the columns of interest are parsed from the slice by the byte parsers that {@link PlainCsv}
 * uses ({@link Fields}), with no {@code String} per field. A field that is not in the plain form (spaces
 * around it, non-ASCII text, anything unusual) goes through {@link Parse} as a string, which gives the
 * same value or the same error message. A row with another field count than the header, a field longer
 * than the format's limit or a date outside its range is rejected; a truncated gzip stream keeps the
 * rows before the cut and is reported as a rejection without field. {@link #aggregateFast} offers
 * {@link PlainCsv}'s parallel path for plain files without quotes. Immutable; each read opens the file
 * anew.
 */
public final class CsvSource implements TransactionSource {
  /**
   * FastCSV's buffer: a field beyond the format's limit but within this is rejected and reading goes on;
   * a field beyond this stops reading with a rejection naming its line (the rows before are kept).
   */
  static final int MAX_BUFFER = 64 << 20;

  private final Path file;
  private final CsvColumns format;

  public CsvSource(Path file, CsvColumns format) {
    this.file = file;
    this.format = format;
  }

  /**
   * The file aggregated by {@link PlainCsv}'s parallel byte path, or empty when that path does not
   * apply; same result as reading it into one accumulator.
   */
  public Optional<CustomerTable> aggregateFast(java.util.function.Supplier<CustomerTable> factory,
      int threads) {
    return PlainCsv.aggregate(file, format, factory, threads);
  }

  @Override
  public void read(TransactionSink sink) {
    Handler handler = new Handler(sink);
    try (Reader in = InputFiles.reader(file);
        CsvReader<Boolean> reader = CsvReader.builder().skipEmptyLines(true).allowMissingFields(true)
            .allowExtraFields(true).allowExtraCharsAfterClosingQuote(true).maxBufferSize(Math.max(MAX_BUFFER, format.maxFieldLength() + 1))
            .build(handler, in)) {
      try {
        for (Boolean ignored : reader) {
          // the handler does the work record by record
        }
      } catch (CsvParseException | UncheckedIOException e) {
        // FastCSV wraps what the handler or the stream throws; a mixed currency is the caller's error
        if (e.getCause() instanceof MixedCurrencyException mixed) {
          throw mixed;
        }
        if (e.getCause() instanceof IllegalArgumentException bad) {
          throw bad; // the header lacks a column
        }
        Optional<TruncatedInputException> cut = TruncatedInputException.in(e);
        handler.out.flush();
        if (cut.isPresent()) {
          sink.reject(new RejectedRecord(handler.lastLine, "", cut.get().getMessage() + " after line "
              + handler.lastLine));
          return;
        }
        if (e instanceof CsvParseException) {
          // FastCSV's buffer limit: nothing after this record can be read reliably
          sink.reject(new RejectedRecord(handler.lastLine + 1, "", "unreadable record after line " + handler.lastLine
              + " (a field longer than " + MAX_BUFFER + " characters?); reading stopped, the rows before are kept"));
          return;
        }
        throw e;
      }
      handler.out.flush();
      if (handler.header != null) {
        throw new IllegalArgumentException(file + ": no header line (empty file)");
      }
    } catch (TruncatedInputException e) {
      sink.reject(new RejectedRecord(0, "", e.getMessage() + " after line 0"));
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
    private final int maxField;
    private final long minDay;
    private final long maxDay;
    final BatchBuilder out;
    @Nullable List<String> header = new ArrayList<>();
    private List<String> headerNames = List.of();
    private int ci;
    private int di;
    private int ai;
    private int cu = -1;
    private int need;
    long lastLine;
    // the record being read: value when parsed from the slice, else the raw text for Parse
    private long customer;
    private long day;
    private long amount;
    private boolean currencyOk;
    private int tooLong;
    private int tooLongLength;
    private @Nullable String tooLongStart;
    private @Nullable String rawCustomer;
    private @Nullable String rawDate;
    private @Nullable String rawAmount;
    private @Nullable String rawCurrency;
    private final Fields.Days days = new Fields.Days();
    private final byte[] scratch = new byte[64];

    Handler(TransactionSink sink) {
      this.sink = sink;
      this.currency = format.currency();
      this.code = currency.getCurrencyCode();
      this.fraction = Math.max(currency.getDefaultFractionDigits(), 0);
      this.maxField = format.maxFieldLength();
      this.minDay = format.minDate().toEpochDay();
      this.maxDay = format.maxDate().toEpochDay();
      this.out = Engine.ACCESS.builder(currency, sink);
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
      rawCustomer = null;
      rawDate = null;
      rawAmount = null;
      rawCurrency = null;
      currencyOk = false;
      tooLong = -1;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
      if (len > maxField) {
        if (tooLong < 0) {
          tooLong = index;
          tooLongLength = len;
          tooLongStart = new String(buf, offset, Math.min(len, 40));
        }
        return;
      }
      if (header != null) {
        header.add(new String(buf, offset, len));
        return;
      }
      if (index == ci) {
        int n = ascii(buf, offset, len);
        long v = n < 0 ? Long.MIN_VALUE : Fields.customer(scratch, 0, n);
        if (CustomerIds.isNamed(v)) { // not a plain number (or one in the named keys' range)
          rawCustomer = new String(buf, offset, len);
        } else {
          customer = v;
        }
      }
      if (index == di) {
        int n = ascii(buf, offset, len);
        long v = n < 0 ? Long.MIN_VALUE : days.epochDay(scratch, 0, n);
        if (v == Long.MIN_VALUE) {
          rawDate = new String(buf, offset, len);
        } else {
          day = v;
        }
      }
      if (index == ai) {
        int n = ascii(buf, offset, len);
        long v = n < 0 ? Long.MIN_VALUE : Fields.minorUnits(scratch, 0, n, fraction);
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

    private String name(int index) {
      return index < headerNames.size() ? headerNames.get(index) : "field " + (index + 1);
    }

    @Override
    protected Boolean buildRecord() {
      if (getRecordType() != RecordType.DATA) {
        return Boolean.TRUE; // an empty line (skipped by the reader) or a comment
      }
      long line = getStartingLineNumber();
      lastLine = line;
      if (header != null) {
        if (tooLong >= 0) {
          throw new IllegalArgumentException(file + ": header field " + (tooLong + 1) + " is " + tooLongLength
              + " characters long");
        }
        headerNames = List.copyOf(header);
        header = null;
        ci = column(format.customerColumn());
        di = column(format.dateColumn());
        ai = column(format.amountColumn());
        cu = format.currencyColumn().map(this::column).orElse(-1);
        need = Math.max(Math.max(ci, di), Math.max(ai, cu));
        return Boolean.TRUE;
      }
      if (tooLong >= 0) {
        sink.reject(new RejectedRecord(line, name(tooLong), "is " + tooLongLength + " characters long, more than "
            + maxField, tooLongStart == null ? "" : tooLongStart));
        return Boolean.TRUE;
      }
      int count = getFieldCount();
      if (count != headerNames.size()) {
        sink.reject(new RejectedRecord(line, count < headerNames.size() ? name(count) : name(count - 1),
            (count < headerNames.size() ? "missing: " : "extra field: ") + "the row has " + count
            + " fields, the header " + headerNames.size()));
        return Boolean.TRUE;
      }
      String field = format.customerColumn();
      String raw = rawCustomer;
      try {
        String id = rawCustomer == null ? null : rawCustomer.strip();
        long c = id == null ? customer : Parse.customer(id);
        field = format.dateColumn();
        raw = rawDate;
        long d = rawDate == null ? day : Parse.epochDay(rawDate.strip());
        if (d < minDay || d > maxDay) {
          sink.reject(new RejectedRecord(line, field, "outside " + format.minDate() + ".." + format.maxDate(),
              rawDate == null ? java.time.LocalDate.ofEpochDay(d).toString() : rawDate));
          return Boolean.TRUE;
        }
        field = format.amountColumn();
        raw = rawAmount;
        long a = rawAmount == null ? amount : Parse.minorUnits(rawAmount.strip(), fraction);
        if (cu >= 0 && !currencyOk) {
          String other = rawCurrency == null ? "" : rawCurrency.strip();
          if (!other.equals(code)) {
            Currency found;
            try {
              found = Currency.getInstance(other);
            } catch (IllegalArgumentException e) {
              sink.reject(new RejectedRecord(line, format.currencyColumn().orElseThrow(),
                  "unknown ISO 4217 currency code", other));
              return Boolean.TRUE;
            }
            throw new MixedCurrencyException(currency, found, line);
          }
        }
        out.add(line, c, id != null && CustomerIds.isNamed(c) ? id : null, d, a);
      } catch (MixedCurrencyException e) {
        throw e;
      } catch (RuntimeException e) {
        String value = raw == null ? "" : raw;
        sink.reject(new RejectedRecord(line, field, Parse.reason(value, e), value));
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

    /**
     * Copies an ASCII field into {@link #scratch} for the byte parsers; -1 when it is too long or not
     * ASCII (then the string path decides).
     */
    private int ascii(char[] b, int off, int len) {
      if (len > scratch.length) {
        return -1;
      }
      for (int i = 0; i < len; i++) {
        char ch = b[off + i];
        if (ch > 0x7F) {
          return -1;
        }
        scratch[i] = (byte) ch;
      }
      return len;
    }
  }
}
