package org.ecrm.segmentation.internal;

import org.ecrm.segmentation.engine.internal.BatchBuilder;
import org.ecrm.segmentation.engine.internal.CustomerTable;
import org.ecrm.segmentation.engine.internal.Rejection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.Optional;
import java.util.function.Supplier;
import org.ecrm.segmentation.engine.MixedCurrencyException;
import org.ecrm.segmentation.internal.util.CustomerIds;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link CsvSource} for files without a single quote character: bytes are split at
 * commas and line ends (LF, CRLF or CR) and the columns of interest parsed without decoding, and the
 * file is cut at line ends into ranges read by several threads, each into its own accumulator; the
 * accumulators are merged in file order. Without quotes, RFC 4180 has nothing more to say, so this
 * yields what FastCSV yields: the same records, line numbers, values and error messages (a field that is
 * not in the plain form is decoded and handed to {@link Parse} exactly as the FastCSV path does). When
 * a quote turns up, the read is abandoned and the caller falls back to FastCSV; so it is when the
 * amounts are so large that some customer's sum might overflow (then only row order decides which row
 * is rejected). Stateless.
 */
public final class PlainCsv {
  private static final int BUFFER = 1 << 20;

  private PlainCsv() {
  }

  /** Thrown inside a range reader to abandon the fast path (a quote, or a table in another currency). */
  private static final class Abandon extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abandon() {
      super(null, null, false, false);
    }
  }

  /**
   * Reads {@code file} into accumulators from {@code factory}, merged in file order; empty when the
   * fast path does not apply (a quote character, a row in another currency, an unusual header) and the
   * caller must read the file with FastCSV instead.
   *
   * @throws IllegalArgumentException if the header lacks a column
   */
  public static Optional<CustomerTable> aggregate(Path file, CsvColumns format, Supplier<CustomerTable> factory,
      int threads) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      byte[] head = new byte[(int) Math.min(size, 1 << 16)];
      int got = readFully(ch, head, 0);
      if (got >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b
          || got >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
        return Optional.empty(); // gzip or a byte order mark: the stream path opens it
      }
      int eol = 0;
      while (eol < got && head[eol] != '\n' && head[eol] != '\r') {
        if (head[eol] == '"') {
          return Optional.empty();
        }
        eol++;
      }
      if (size == 0 || eol == 0 || (eol == got && got < size)) {
        return Optional.empty(); // empty file, leading empty line, or a huge header: FastCSV's rules
      }
      List<String> header = List.of(new String(head, 0, eol, StandardCharsets.UTF_8).split(",", -1));
      Columns cols = new Columns(file, format, header);
      // ranges start at line starts; the first starts at the header's line break
      long bodyStart = eol;
      int parts = size - bodyStart < (4L << 20) ? 1 : Math.max(1, threads);
      long[] cuts = new long[parts + 1];
      cuts[0] = bodyStart;
      cuts[parts] = size;
      for (int p = 1; p < parts; p++) {
        cuts[p] = Math.max(cuts[p - 1], nextLineStart(ch, bodyStart + (size - bodyStart) * p / parts, size));
      }
      Range[] ranges = new Range[parts];
      List<ForkJoinTask<?>> tasks = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        ranges[p] = new Range(ch, cols, factory.get(), cuts[p], cuts[p + 1]);
        if (p > 0) {
          tasks.add(ForkJoinPool.commonPool().submit(ranges[p]::run));
        }
      }
      ranges[0].run();
      tasks.forEach(ForkJoinTask::join);
      long bound = 0;
      for (Range r : ranges) {
        if (r.abandoned) {
          return Optional.empty();
        }
        bound = CustomerTable.saturatingAdd(bound, r.acc.absBound());
      }
      if (parts > 1 && bound == Long.MAX_VALUE) {
        return Optional.empty(); // sums this large might overflow: only reading in row order is exact
      }
      CustomerTable whole = ranges[0].acc;
      long line = 1; // the header's line; each range counted its own line breaks
      for (Range r : ranges) {
        r.acc.renumber(line, r.rejected);
        line += r.lines;
        if (r != ranges[0]) {
          whole.merge(r.acc);
        }
      }
      return Optional.of(whole);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static int readFully(FileChannel ch, byte[] into, long position) throws IOException {
    ByteBuffer bb = ByteBuffer.wrap(into);
    long pos = position;
    while (bb.hasRemaining()) {
      int n = ch.read(bb, pos);
      if (n < 0) {
        break;
      }
      pos += n;
    }
    return bb.position();
  }

  /** The offset just after the first LF at or after {@code from} (or {@code size}). */
  private static long nextLineStart(FileChannel ch, long from, long size) throws IOException {
    byte[] buf = new byte[1 << 16];
    long pos = from;
    while (pos < size) {
      int n = readFully(ch, buf, pos);
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          return pos + i + 1;
        }
      }
      pos += n;
      if (n == 0) {
        break;
      }
    }
    return size;
  }

  /** Column positions and per-format constants. Immutable. */
  private static final class Columns {
    final Path file;
    final CsvColumns format;
    final List<String> header;
    final int ci;
    final int di;
    final int ai;
    final int cu;
    final int need;
    final Currency currency;
    final byte[] code;
    final int fraction;
    final int maxField;
    final long minDay;
    final long maxDay;

    Columns(Path file, CsvColumns format, List<String> header) {
      this.file = file;
      this.format = format;
      this.header = header;
      ci = column(file, header, format.customerColumn());
      di = column(file, header, format.dateColumn());
      ai = column(file, header, format.amountColumn());
      cu = format.currencyColumn().map(c -> column(file, header, c)).orElse(-1);
      need = Math.max(Math.max(ci, di), Math.max(ai, cu));
      currency = format.currency();
      code = currency.getCurrencyCode().getBytes(StandardCharsets.US_ASCII);
      fraction = Math.max(currency.getDefaultFractionDigits(), 0);
      maxField = format.maxFieldLength();
      minDay = format.minDate().toEpochDay();
      maxDay = format.maxDate().toEpochDay();
    }

    private static int column(Path file, List<String> header, String name) {
      int i = header.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException(file + ": no column \"" + name + "\" in the header " + header);
      }
      return i;
    }
  }

  /** Reads the lines of [from, to) into one accumulator. Line numbers are relative until shifted. */
  private static final class Range implements BatchBuilder.Target {
    final FileChannel ch;
    final Columns c;
    final CustomerTable acc;
    final long from;
    final long to;
    final BatchBuilder out;
    final List<Rejection> rejected = new ArrayList<>();
    final int[] starts;
    final int[] ends;
    /** Line breaks seen; a row's record number is this count, relative to the range's first line. */
    long lines;
    /** A quote or a row in another currency: the caller must use FastCSV. */
    boolean abandoned;

    Range(FileChannel ch, Columns c, CustomerTable acc, long from, long to) {
      this.ch = ch;
      this.c = c;
      this.acc = acc;
      this.from = from;
      this.to = to;
      this.out = new BatchBuilder(this);
      this.starts = new int[c.need + 1];
      this.ends = new int[c.need + 1];
    }

    @Override
    public void accept(long[] customers, String @Nullable [] ids, int[] days, long[] amounts, int size,
        long firstRecord) {
      if (!acc.useCurrency(c.currency)) {
        throw new Abandon(); // the analysis is in another currency: the stream path reports it
      }
      acc.add(customers, ids, days, amounts, size, firstRecord);
    }

    @Override
    public void reject(Rejection rejection) {
      rejected.add(rejection);
    }

    void run() {
      try {
        read();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + c.file + ": " + e.getMessage(), e);
      } catch (Abandon | MixedCurrencyException e) {
        abandoned = true;
      }
    }

    private void read() throws IOException {
      byte[] buf = new byte[(int) Math.min(BUFFER, Math.max(16, to - from))];
      long pos = from;
      int len = 0; // bytes in buf
      int start = 0; // start of the current line in buf
      boolean lastWasCr = false;
      while (true) {
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, len - start);
          len -= start;
          start = 0;
        }
        if (len == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
        }
        int want = (int) Math.min(buf.length - len, to - pos);
        int n = want <= 0 ? 0 : readInto(buf, len, want, pos);
        pos += n;
        len += n;
        boolean atEnd = pos >= to;
        int i = start;
        while (true) {
          // find the end of the line starting at i
          int e = scan(buf, i, len);
          int field = fields;
          if (e == len && !atEnd) {
            break; // incomplete line: read more
          }
          if (e == i) {
            // an empty line, or the LF of a CRLF
            if (e < len && buf[e] == '\n' && lastWasCr) {
              lastWasCr = false;
              i = e + 1;
              continue;
            }
          } else {
            lineStart = i;
            lastEnd = e;
            row(buf, field);
          }
          if (e == len) {
            i = e;
            break; // end of range
          }
          lastWasCr = buf[e] == '\r';
          lines++;
          i = e + 1;
        }
        start = i;
        if (atEnd && start >= len) {
          break;
        }
      }
      out.flush();
    }

    private final Fields.Days days = new Fields.Days();
    /** Fields of the line scanned last. */
    private int fields;
    /** Length and index of the longest field of the line scanned last, and the start of its last field. */
    private int longestField;
    private int longField;
    /** Start and end (line break) of the line handed to {@link #row}. */
    private int lineStart;
    private int lastEnd;

    /**
     * One pass over the line starting at {@code i}: records the field boundaries and returns the index of
     * its line break (or {@code len}). A small method, so the JIT compiles it whole.
     */
    private int scan(byte[] buf, int i, int len) {
      int need = c.need;
      int[] st = starts;
      int[] en = ends;
      int field = 0;
      int fs = i;
      int e = i;
      int longest = 0;
      while (e < len) {
        byte b = buf[e];
        if (b == ',') {
          if (field <= need) {
            st[field] = fs;
            en[field] = e;
          }
          if (e - fs > longest) {
            longest = e - fs;
            longField = field;
          }
          field++;
          fs = e + 1;
        } else if (b == '\n' || b == '\r') {
          break;
        } else if (b == '"') {
          throw new Abandon();
        }
        e++;
      }
      if (field <= need) {
        st[field] = fs;
        en[field] = e;
      }
      if (e - fs > longest) {
        longest = e - fs;
        longField = field;
      }
      longestField = longest;
      fields = field + 1;
      return e;
    }

    private int readInto(byte[] buf, int off, int want, long pos) throws IOException {
      ByteBuffer bb = ByteBuffer.wrap(buf, off, want);
      int total = 0;
      while (bb.hasRemaining()) {
        int n = ch.read(bb, pos + total);
        if (n < 0) {
          break;
        }
        total += n;
      }
      return total;
    }

    /** One non-empty line of {@code field} fields, split into starts/ends: the record on line {@code lines}. */
    private void row(byte[] b, int field) {
      long record = lines; // relative to the range's first line
      int width = c.header.size();
      if (longestField > c.maxField) {
        // a byte count above the limit; the limit counts characters, so decode to decide
        String longText = longText(b);
        if (longText.length() > c.maxField) {
          rejected.add(new Rejection(record, name(longField), "is " + longText.length()
              + " characters long, more than " + c.maxField, longText.substring(0, 40)));
          return;
        }
      }
      if (field != width) {
        rejected.add(new Rejection(record, field < width ? name(field) : name(field - 1),
            (field < width ? "missing: " : "extra field: ") + "the row has " + field + " fields, the header "
            + width));
        return;
      }
      String name = c.format.customerColumn();
      int at = c.ci;
      try {
        long customer = Fields.customer(b, starts[c.ci], ends[c.ci]);
        String id = null;
        if (CustomerIds.isNamed(customer)) { // not a plain number (or one in the named keys' range)
          id = text(b, c.ci).strip();
          customer = Parse.customer(id);
        }
        name = c.format.dateColumn();
        at = c.di;
        long day = days.epochDay(b, starts[c.di], ends[c.di]);
        if (day == Long.MIN_VALUE) {
          day = Parse.epochDay(text(b, c.di).strip());
        }
        if (day < c.minDay || day > c.maxDay) {
          rejected.add(new Rejection(record, name, "outside " + c.format.minDate() + ".." + c.format.maxDate(),
              text(b, c.di)));
          return;
        }
        name = c.format.amountColumn();
        at = c.ai;
        long amount = Fields.minorUnits(b, starts[c.ai], ends[c.ai], c.fraction);
        if (amount == Long.MIN_VALUE) {
          amount = Parse.minorUnits(text(b, c.ai).strip(), c.fraction);
        }
        if (c.cu >= 0 && !Arrays.equals(b, starts[c.cu], ends[c.cu], c.code, 0, c.code.length)) {
          String other = text(b, c.cu).strip();
          if (!other.equals(c.currency.getCurrencyCode())) {
            Currency found;
            try {
              found = Currency.getInstance(other);
            } catch (IllegalArgumentException ex) {
              rejected.add(new Rejection(record, c.format.currencyColumn().orElseThrow(),
                  "unknown ISO 4217 currency code", other));
              return;
            }
            throw new MixedCurrencyException(c.currency, found, record);
          }
        }
        out.add(record, customer, id != null && CustomerIds.isNamed(customer) ? id : null, day, amount);
      } catch (MixedCurrencyException ex) {
        throw ex;
      } catch (RuntimeException ex) {
        String value = text(b, at);
        rejected.add(new Rejection(record, name, Parse.reason(value, ex), value));
      }
    }

    private String name(int index) {
      return index < c.header.size() ? c.header.get(index) : "field " + (index + 1);
    }

    /** The text of the longest field of the current line (found again from the line's start). */
    private String longText(byte[] b) {
      int s = lineStart;
      int f = 0;
      int fs = s;
      for (int i = s; ; i++) {
        if (i == lastEnd || b[i] == ',') {
          if (f == longField) {
            return new String(b, fs, i - fs, StandardCharsets.UTF_8);
          }
          if (i == lastEnd) {
            return "";
          }
          f++;
          fs = i + 1;
        }
      }
    }

    private String text(byte[] b, int field) {
      return new String(b, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    }
  }
}
