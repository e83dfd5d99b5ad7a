package org.ecrm.core.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Opens input files the same way for every reader of the library and the command line:
 *
 * <ul>
 *   <li>gzip is recognised by its magic bytes ({@code 1f 8b}), whatever the file is called;</li>
 *   <li>a UTF-8 byte order mark at the start is skipped;</li>
 *   <li>text is UTF-8; a byte sequence that is not UTF-8 becomes U+FFFD (never an exception), so a
 *       reader can reject the row that contains it with its line number;</li>
 *   <li>a gzip stream that ends early raises {@link TruncatedInputException} (an {@link IOException})
 *       once the bytes before the cut have been returned, so a reader keeps the complete rows before
 *       it and reports {@code FILE: truncated gzip after line N}.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class InputFiles {
  /** The longest field a reader accepts unless told otherwise: 1 MiB characters. */
  public static final int DEFAULT_MAX_FIELD_LENGTH = 1 << 20;

  private static final int BUFFER = 1 << 16;

  private InputFiles() {
  }

  /** Whether {@code file} starts with the gzip magic bytes. */
  public static boolean isGzip(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  /**
   * The file's bytes, decompressed when it is gzip, without a leading UTF-8 byte order mark.
   *
   * @throws IOException if the file cannot be opened or its gzip header is broken
   */
  public static InputStream open(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    return open(Files.newInputStream(file));
  }

  /** Like {@link #open(Path)} over a stream (closed with the result). */
  public static InputStream open(InputStream raw) throws IOException {
    Objects.requireNonNull(raw, "raw");
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    in.mark(3);
    boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    InputStream body = in;
    if (gzip) {
      try {
        body = new BufferedInputStream(new Truncation(new GZIPInputStream(in, BUFFER)), BUFFER);
      } catch (EOFException e) {
        in.close();
        throw new TruncatedInputException("truncated gzip header");
      }
    }
    return skipBom(body);
  }

  /**
   * The file as UTF-8 text ({@link #open(Path)}, then decoded; malformed bytes become U+FFFD).
   *
   * @throws IOException if the file cannot be opened
   */
  public static Reader reader(Path file) throws IOException {
    return reader(open(file));
  }

  /** {@code in} decoded as UTF-8, malformed bytes replaced by U+FFFD. */
  public static Reader reader(InputStream in) {
    return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  /**
   * Like {@link #open(Path)}, for line-oriented readers: when a gzip stream is cut, the stream ends after
   * the last complete line (the partial line after it is dropped) instead of throwing, and
   * {@link CompleteLines#truncation()} says so.
   *
   * @throws IOException if the file cannot be opened
   */
  public static CompleteLines openCompleteLines(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    return openCompleteLines(Files.newInputStream(file));
  }

  /** Like {@link #openCompleteLines(Path)} over a stream (closed with the result). */
  public static CompleteLines openCompleteLines(InputStream raw) throws IOException {
    try {
      return new CompleteLines(open(raw));
    } catch (TruncatedInputException e) {
      CompleteLines empty = new CompleteLines(InputStream.nullInputStream());
      empty.truncation = e.getMessage() + " after line 0";
      return empty;
    }
  }

  /**
   * A stream that only hands out complete lines while the input may still fail, and ends cleanly at the
   * last complete line of a truncated input. Not thread-safe.
   */
  public static final class CompleteLines extends InputStream {
    private final InputStream in;
    private byte[] buf = new byte[BUFFER];
    private int start;
    /** Bytes [start, ready) may be handed out; [ready, end) wait for their line break. */
    private int ready;
    private int end;
    private boolean eof;
    private long lines;
    private @org.jspecify.annotations.Nullable String truncation;

    CompleteLines(InputStream in) {
      this.in = in;
    }

    /** Line breaks handed out so far. */
    public long lines() {
      return lines;
    }

    /** {@code "truncated gzip after line N"} when the input was cut, else empty. */
    public java.util.Optional<String> truncation() {
      return java.util.Optional.ofNullable(truncation);
    }

    private boolean fill() throws IOException {
      while (start == ready && !eof) {
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, end - start);
          end -= start;
          ready -= start;
          start = 0;
        }
        if (end == buf.length) {
          buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        int n;
        try {
          n = in.read(buf, end, buf.length - end);
        } catch (TruncatedInputException e) {
          truncation = e.getMessage() + " after line " + lines;
          end = ready; // drop the partial line
          eof = true;
          break;
        }
        if (n < 0) {
          eof = true;
          ready = end;
          break;
        }
        end += n;
        for (int i = end - 1; i >= ready; i--) {
          if (buf[i] == '\n') {
            ready = i + 1;
            break;
          }
        }
      }
      return start < ready;
    }

    @Override
    public int read() throws IOException {
      if (!fill()) {
        return -1;
      }
      byte b = buf[start++];
      if (b == '\n') {
        lines++;
      }
      return b & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, ready - start);
      System.arraycopy(buf, start, b, off, n);
      for (int i = start; i < start + n; i++) {
        if (buf[i] == '\n') {
          lines++;
        }
      }
      start += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static InputStream skipBom(InputStream body) throws IOException {
    InputStream in = body.markSupported() ? body : new BufferedInputStream(body, BUFFER);
    in.mark(3);
    if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
      in.reset();
    }
    return in;
  }

  /** Turns the end-of-stream errors of a cut gzip stream into {@link TruncatedInputException}. */
  private static final class Truncation extends FilterInputStream {
    Truncation(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (EOFException e) {
        throw truncated(e);
      } catch (java.util.zip.ZipException e) {
        throw corrupt(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (EOFException e) {
        throw truncated(e);
      } catch (java.util.zip.ZipException e) {
        throw corrupt(e);
      }
    }

    private static TruncatedInputException truncated(EOFException e) {
      TruncatedInputException t = new TruncatedInputException("truncated gzip");
      t.initCause(e);
      return t;
    }

    private static TruncatedInputException corrupt(java.util.zip.ZipException e) {
      TruncatedInputException t = new TruncatedInputException("corrupt gzip (" + e.getMessage() + ")");
      t.initCause(e);
      return t;
    }
  }
}
