package org.ecrm.examples.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read from a file of known size, for the progress bar's share and ETA. */
final class CountingInput extends FilterInputStream {
  private final long size;
  private long read;

  CountingInput(InputStream in, long size) {
    super(in);
    this.size = size;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      read++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      read += n;
    }
    return n;
  }

  /** The share of the file read so far, 0 to 1. */
  double share() {
    return size <= 0 ? 0 : Math.min(1.0, (double) read / size);
  }
}
