package org.ecrm.segmentation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/** Public view of {@link BenchData} for the benchmarks package. */
public final class BenchDataAccess {
  private final BenchData data;

  private BenchDataAccess(BenchData data) {
    this.data = data;
  }

  public static BenchDataAccess generate(int rows, long seed) {
    return new BenchDataAccess(BenchData.generate(rows, seed));
  }

  public long[] customers() {
    return data.customers;
  }

  public int[] days() {
    return data.days;
  }

  public long[] cents() {
    return data.cents;
  }

  public LocalDate asOf() {
    return data.asOf();
  }

  public void writeCsv(Path file) throws IOException {
    data.writeCsv(file);
  }

  public void writeCsv(Path file, String idPrefix) throws IOException {
    data.writeCsv(file, idPrefix);
  }

  public long scoreChecksum(RfmResult r) {
    return BenchData.scoreChecksum(r);
  }
}
