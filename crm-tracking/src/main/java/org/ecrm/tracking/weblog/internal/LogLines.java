package org.ecrm.tracking.weblog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines (LF or CRLF) inside one reused buffer. A line longer than the cap is
 * skipped up to its end and flagged {@link #tooLong()}; only its first bytes are kept for the excerpt,
 * so memory stays flat whatever the input. Not thread-safe.
 */
public final class LogLines {
  private static final int EXCERPT = 200;
  private final InputStream in;
  private final int max;
  private final byte[] buf;
  private int start;
  private int end;
  private boolean eof;
  private int lineFrom;
  private int lineTo;
  private boolean tooLong;
  private byte[] longExcerpt = new byte[0];
  private long lineNumber;
  private long bytesRead;

  /** Lines of {@code in}, capped at {@code max} bytes each. */
  public LogLines(InputStream in, int max) {
    this.in = in;
    this.max = max;
    this.buf = new byte[Math.max(64 * 1024, max + 2)];
  }

  /** Advances to the next line; false at the end of the stream. */
  public boolean next() throws IOException {
    tooLong = false;
    int scanFrom = start;
    while (true) {
      for (int i = scanFrom; i < end; i++) {
        if (buf[i] == '\n') {
          setLine(start, i);
          start = i + 1;
          return true;
        }
      }
      if (end - start > max + 1) {
        longExcerpt = Arrays.copyOfRange(buf, start, start + EXCERPT);
        lineNumber++;
        tooLong = true;
        skipToNewline();
        return true;
      }
      if (eof) {
        if (start < end) {
          setLine(start, end);
          start = end;
          return true;
        }
        return false;
      }
      int pending = end - start;
      fill();
      scanFrom = start + pending;
    }
  }

  private void setLine(int from, int nl) {
    int to = nl;
    if (to > from && buf[to - 1] == '\r') {
      to--;
    }
    lineNumber++;
    if (to - from > max) {
      tooLong = true;
      longExcerpt = Arrays.copyOfRange(buf, from, from + EXCERPT);
    }
    lineFrom = from;
    lineTo = to;
  }

  private void skipToNewline() throws IOException {
    start = end;
    while (true) {
      if (start >= end) {
        if (eof) {
          return;
        }
        start = 0;
        end = 0;
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
          eof = true;
          return;
        }
        bytesRead += n;
        end = n;
      }
      for (int i = start; i < end; i++) {
        if (buf[i] == '\n') {
          start = i + 1;
          return;
        }
      }
      start = end;
    }
  }

  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
    int n = in.read(buf, end, buf.length - end);
    if (n < 0) {
      eof = true;
    } else {
      bytesRead += n;
      end += n;
    }
  }

  /** The buffer holding the current line between {@link #from()} and {@link #to()}. */
  public byte[] buffer() {
    return buf;
  }

  /** Start index of the current line. */
  public int from() {
    return lineFrom;
  }

  /** End index (exclusive, line end removed) of the current line. */
  public int to() {
    return lineTo;
  }

  /** True if the current line was over the cap. */
  public boolean tooLong() {
    return tooLong;
  }

  /** The current line's number (1-based). */
  public long lineNumber() {
    return lineNumber;
  }

  /** Bytes read so far. */
  public long bytesRead() {
    return bytesRead;
  }

  /** The first 200 characters of the current line, bad bytes replaced. */
  public String excerpt() {
    if (tooLong) {
      return LogText.text(longExcerpt, 0, longExcerpt.length);
    }
    return LogText.text(buf, lineFrom, Math.min(lineTo, lineFrom + EXCERPT));
  }
}
