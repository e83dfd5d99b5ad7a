package org.ecrm.tracking.weblog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.ecrm.tracking.internal.Checks;
import org.ecrm.tracking.weblog.internal.LogLines;

/**
 * Streams NCSA Common / Combined (nginx default) log lines, plain or gzip (detected by its magic bytes),
 * into {@link LogRecord}s. Memory stays flat in the file size: lines are parsed from a reused byte buffer.
 *
 * <p>Handled: {@code \"} and {@code \\} escapes inside quoted fields, {@code -} for empty fields, IPv6
 * addresses, any time-zone offset, request targets with spaces, CRLF line ends, bytes that are not
 * UTF-8 (replaced by U+FFFD), extra fields after the user agent (ignored). A line longer than
 * {@link Builder#maxLineBytes(int)} is rejected without being held in memory. Every rejected line goes
 * to the error consumer with its line number and reason, and reading goes on.
 *
 * <p>Immutable and thread-safe: one reader may read several files at once.
 */
public final class WebLogReader {
  /** Default longest line: 16 KiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 16 * 1024;

  private final LogFormat format;
  private final int maxLineBytes;

  private WebLogReader(Builder b) {
    this.format = b.format;
    this.maxLineBytes = b.maxLineBytes;
  }

  /** A builder: {@link LogFormat#AUTO}, 16 KiB lines. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a file, gunzipping it if it starts with the gzip magic bytes.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public ReadStats read(Path file, Consumer<? super LogRecord> records, Consumer<? super LogLineError> errors) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, records, errors);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read web log " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a stream (plain or gzip). The stream is not closed.
   *
   * @throws UncheckedIOException if the stream fails (including a corrupt gzip stream)
   */
  public ReadStats read(InputStream in, Consumer<? super LogRecord> records,
      Consumer<? super LogLineError> errors) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(errors, "errors");
    try {
      InputStream src = open(in);
      LogLineParser parser = new LogLineParser(format);
      LogLines lines = new LogLines(src, maxLineBytes);
      long parsed = 0;
      long malformed = 0;
      while (lines.next()) {
        long n = lines.lineNumber();
        if (lines.tooLong()) {
          malformed++;
          errors.accept(new LogLineError(n, "line longer than " + maxLineBytes + " bytes", lines.excerpt()));
          continue;
        }
        LogRecord r = parser.parse(lines.buffer(), lines.from(), lines.to(), n);
        if (r == null) {
          malformed++;
          errors.accept(new LogLineError(n, parser.error(), lines.excerpt()));
        } else {
          parsed++;
          records.accept(r);
        }
      }
      return new ReadStats(lines.lineNumber(), parsed, malformed, lines.bytesRead());
    } catch (IOException e) {
      throw new UncheckedIOException("web log read failed: " + e.getMessage(), e);
    }
  }

  /** The stream itself, or a gunzipping view if it starts with the gzip magic bytes. */
  static InputStream open(InputStream in) throws IOException {
    InputStream src = in.markSupported() ? in : new BufferedInputStream(in, 2);
    src.mark(2);
    int b1 = src.read();
    int b2 = src.read();
    src.reset();
    return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(src, 64 * 1024) : src;
  }

  LogFormat format() {
    return format;
  }

  int maxLineBytes() {
    return maxLineBytes;
  }

  /** Configures a {@link WebLogReader}; each setting may be given once. Not thread-safe. */
  public static final class Builder {
    private LogFormat format = LogFormat.AUTO;
    private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
    private final Set<String> set = new HashSet<>();

    private Builder() {}

    /** The line format ({@link LogFormat#AUTO} by default). */
    public Builder format(LogFormat value) {
      Checks.once(set, "format");
      this.format = Objects.requireNonNull(value, "format");
      return this;
    }

    /**
     * The longest line accepted, in bytes without the line end.
     *
     * @throws IllegalArgumentException if below 64
     */
    public Builder maxLineBytes(int value) {
      Checks.once(set, "maxLineBytes");
      if (value < 64) {
        throw new IllegalArgumentException("maxLineBytes must be at least 64: " + value);
      }
      this.maxLineBytes = value;
      return this;
    }

    /** Builds the reader. */
    public WebLogReader build() {
      return new WebLogReader(this);
    }
  }
}
