package org.ecrm.segmentation;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ecrm.core.model.CustomerId;
import org.ecrm.segmentation.internal.util.CustomerIds;
import org.ecrm.core.model.Money;
import org.ecrm.segmentation.engine.RejectedRecord;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** Columnar, immutable result. */
final class RfmResultImpl implements RfmResult {
  /** Leaves the caller's writer open; loaded on first write only. */
  private static final class Json {
    static final JsonFactory FACTORY = JsonFactory.builder()
        .disable(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();
  }

  private final RfmAnalysis analysis;
  private final Currency currency;
  private final int digits;
  private final long[] keys;
  /** The id texts of named customers by key (empty when every id is numeric). */
  private final Map<Long, String> ids;
  private final int[] rec;
  private final long[] freq;
  private final long[] mon;
  private final byte[] r;
  private final byte[] f;
  private final byte[] m;
  private final byte[] seg;
  private final List<String> names;
  private final List<ScoreBins> bins;
  private final long excluded;
  private final int nonPositive;
  private final List<RejectedRecord> rejections;
  private final Map<String, Long> skipped;
  private final List<SegmentSummary> summaries;
  private final int[] cellCount;
  private final long[] cellSum;

  RfmResultImpl(RfmAnalysis analysis, Currency currency, long[] keys, Map<Long, String> ids, int[] rec, long[] freq, long[] mon,
      byte[] r, byte[] f, byte[] m, byte[] seg, List<ScoreBins> bins, long excluded, int nonPositive,
      List<RejectedRecord> rejections, Map<String, Long> skipped) {
    this.analysis = analysis;
    this.currency = currency;
    this.digits = Math.max(currency.getDefaultFractionDigits(), 0);
    this.keys = keys;
    this.ids = Map.copyOf(ids);
    this.rec = rec;
    this.freq = freq;
    this.mon = mon;
    this.r = r;
    this.f = f;
    this.m = m;
    this.seg = seg;
    this.names = analysis.segmentTable().segmentNames();
    this.bins = List.copyOf(bins);
    this.excluded = excluded;
    this.nonPositive = nonPositive;
    this.rejections = List.copyOf(rejections);
    this.skipped = Map.copyOf(skipped);
    int ns = names.size();
    int[] count = new int[ns];
    long[] revenue = new long[ns];
    int b = analysis.bins();
    cellCount = new int[(b + 1) * (b + 1)];
    cellSum = new long[(b + 1) * (b + 1)];
    for (int row = 0; row < keys.length; row++) {
      count[seg[row]]++;
      int cell = r[row] * (b + 1) + f[row];
      cellCount[cell]++;
      try {
        revenue[seg[row]] = Math.addExact(revenue[seg[row]], mon[row]);
        cellSum[cell] = Math.addExact(cellSum[cell], mon[row]);
      } catch (ArithmeticException e) {
        throw new ArithmeticException("the revenue of segment \"" + names.get(seg[row]) + "\" (or of its R×F cell "
            + r[row] + "×" + f[row] + ") overflows 64-bit minor units of " + currency + " at customer " + keys[row]);
      }
    }
    SegmentSummary[] s = new SegmentSummary[ns];
    for (int i = 0; i < ns; i++) {
      s[i] = new SegmentSummary(names.get(i), count[i], Money.ofMinor(revenue[i], currency),
          keys.length == 0 ? 0.0 : (double) count[i] / keys.length);
    }
    summaries = List.of(s);
  }

  @Override
  public LocalDate asOf() {
    return analysis.asOf();
  }

  @Override
  public Currency currency() {
    return currency;
  }

  @Override
  public int bins() {
    return analysis.bins();
  }

  @Override
  public int size() {
    return keys.length;
  }

  private int check(int row) {
    return java.util.Objects.checkIndex(row, keys.length);
  }

  @Override
  public long customer(int row) {
    return keys[check(row)];
  }

  @Override
  public String customerId(int row) {
    long key = keys[check(row)];
    return CustomerIds.text(key, ids.isEmpty() ? null : ids.get(key));
  }

  @Override
  public int recencyDays(int row) {
    return rec[check(row)];
  }

  @Override
  public long frequency(int row) {
    return freq[check(row)];
  }

  @Override
  public long monetaryMinor(int row) {
    return mon[check(row)];
  }

  @Override
  public int r(int row) {
    return r[check(row)];
  }

  @Override
  public int f(int row) {
    return f[check(row)];
  }

  @Override
  public int m(int row) {
    return m[check(row)];
  }

  @Override
  public String segment(int row) {
    return names.get(seg[check(row)]);
  }

  @Override
  public CustomerRfm get(int row) {
    check(row);
    return new CustomerRfm(keys[row], rec[row], freq[row], mon[row], r[row], f[row], m[row], names.get(seg[row]),
        customerId(row));
  }

  @Override
  public OptionalInt rowOf(long customer) {
    int i = Arrays.binarySearch(keys, customer);
    return i >= 0 ? OptionalInt.of(i) : OptionalInt.empty();
  }

  @Override
  public Optional<CustomerRfm> find(long customer) {
    OptionalInt i = rowOf(customer);
    return i.isPresent() ? Optional.of(get(i.getAsInt())) : Optional.empty();
  }

  @Override
  public OptionalInt rowOf(String customerId) {
    java.util.Objects.requireNonNull(customerId, "customerId");
    String id = customerId.strip();
    if (CustomerIds.problem(id) != null) {
      return OptionalInt.empty();
    }
    long key = CustomerIds.key(id);
    OptionalInt row = rowOf(key);
    return row.isPresent() && CustomerIds.isNamed(key) && !id.equals(ids.get(key)) ? OptionalInt.empty() : row;
  }

  @Override
  public Optional<CustomerRfm> find(String customerId) {
    OptionalInt i = rowOf(customerId);
    return i.isPresent() ? Optional.of(get(i.getAsInt())) : Optional.empty();
  }

  @Override
  public Optional<CustomerRfm> find(CustomerId id) {
    return find(id.value());
  }

  @Override
  public Stream<CustomerRfm> stream() {
    return IntStream.range(0, keys.length).mapToObj(this::get);
  }

  @Override
  public List<SegmentSummary> segments() {
    return summaries;
  }

  @Override
  public SegmentTable segmentTable() {
    return analysis.segmentTable();
  }

  @Override
  public ScoreBins scoreBins(Dimension dimension) {
    return bins.get(dimension.ordinal());
  }

  private int cell(int rs, int fs) {
    int b = analysis.bins();
    if (rs < 1 || rs > b || fs < 1 || fs > b) {
      throw new IllegalArgumentException("scores must be within 1.." + b + ": r=" + rs + ", f=" + fs);
    }
    return rs * (b + 1) + fs;
  }

  @Override
  public int heatMapCount(int rs, int fs) {
    return cellCount[cell(rs, fs)];
  }

  @Override
  public Optional<BigDecimal> heatMapMeanMonetary(int rs, int fs) {
    int c = cell(rs, fs);
    if (cellCount[c] == 0) {
      return Optional.empty();
    }
    return Optional.of(BigDecimal.valueOf(cellSum[c], digits).divide(BigDecimal.valueOf(cellCount[c]),
        digits + 2, RoundingMode.HALF_EVEN));
  }

  @Override
  public long excludedAfterAsOf() {
    return excluded;
  }

  @Override
  public int nonPositiveMonetaryCount() {
    return nonPositive;
  }

  @Override
  public List<RejectedRecord> rejections() {
    return rejections;
  }

  @Override
  public Map<String, Long> skipped() {
    return skipped;
  }

  private String money(long minor) {
    return BigDecimal.valueOf(minor, digits).toPlainString();
  }

  /** A CSV cell, neutralised against formula injection ({@link org.ecrm.core.io.SafeText#csvCell}). */
  static String csvField(String s) {
    return org.ecrm.core.io.SafeText.csvCell(s);
  }

  @Override
  public void writeCsv(Writer out) throws IOException {
    out.write("customer,recency_days,frequency,monetary,r,f,m,segment\n");
    String[] quoted = names.stream().map(RfmResultImpl::csvField).toArray(String[]::new);
    StringBuilder sb = new StringBuilder(64);
    for (int row = 0; row < keys.length; row++) {
      sb.setLength(0);
      if (ids.isEmpty()) {
        sb.append(keys[row]);
      } else {
        sb.append(csvField(customerId(row)));
      }
      sb.append(',').append(rec[row]).append(',').append(freq[row]).append(',')
          .append(money(mon[row])).append(',').append(r[row]).append(',').append(f[row]).append(',')
          .append(m[row]).append(',').append(quoted[seg[row]]).append('\n');
      out.append(sb);
    }
    out.flush();
  }

  @Override
  public void writeJson(Writer out) throws IOException {
    try (JsonGenerator g = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeStringProperty("asOf", asOf().toString());
      g.writeStringProperty("currency", currency.getCurrencyCode());
      g.writeNumberProperty("bins", bins());
      g.writeNumberProperty("excludedAfterAsOf", excluded);
      g.writeNumberProperty("nonPositiveMonetary", nonPositive);
      g.writeNumberProperty("rejected", rejections.size());
      g.writeName("segments");
      g.writeStartArray();
      for (SegmentSummary s : summaries) {
        g.writeStartObject();
        g.writeStringProperty("segment", s.segment());
        g.writeNumberProperty("customers", s.customers());
        g.writeName("revenue");
        g.writeNumber(s.revenue().amount());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("customers");
      g.writeStartArray();
      for (int row = 0; row < keys.length; row++) {
        g.writeStartObject();
        String named = ids.isEmpty() ? null : ids.get(keys[row]);
        if (named == null) {
          g.writeNumberProperty("customer", keys[row]);
        } else {
          g.writeStringProperty("customer", named);
        }
        g.writeNumberProperty("recencyDays", rec[row]);
        g.writeNumberProperty("frequency", freq[row]);
        g.writeName("monetary");
        g.writeNumber(BigDecimal.valueOf(mon[row], digits));
        g.writeNumberProperty("r", r[row]);
        g.writeNumberProperty("f", f[row]);
        g.writeNumberProperty("m", m[row]);
        g.writeStringProperty("segment", names.get(seg[row]));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.flush();
  }

  @Override
  public String toString() {
    return "RfmResult[asOf=" + asOf() + ", customers=" + keys.length + ", bins=" + bins() + "]";
  }
}
