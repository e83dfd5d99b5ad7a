package org.ecrm.examples.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read from a file of known size (0 when unknown, as for standard input), for the
 * progress display's share and ETA. One thread reads; the counts may be read from another.
 */
final class CountingInput extends FilterInputStream {
  private final long size;
  private volatile long read;

  CountingInput(InputStream in, long size) {
    super(in);
    this.size = size;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      read = read + 1; // one reading thread
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      read = read + n; // one reading thread
    }
    return n;
  }

  /** Bytes read so far. */
  long bytes() {
    return read;
  }

  /** A short description of how far reading got: a percentage of a file, or the bytes of a stream. */
  String status() {
    return size > 0 ? String.format(java.util.Locale.ROOT, "%.0f%%", 100 * share())
        : String.format(java.util.Locale.ROOT, "%,.1f MB", read / 1e6);
  }

  /** The share of the file read so far, 0 to 1. */
  double share() {
    return size <= 0 ? 0 : Math.min(1.0, (double) read / size);
  }
}
