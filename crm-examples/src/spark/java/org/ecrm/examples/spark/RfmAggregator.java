package org.ecrm.examples.spark;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.ecrm.segmentation.FrequencyMode;
import org.ecrm.segmentation.RfmAnalysis;

/**
 * RFM as a Spark Dataset {@link Aggregator}: each task adds its rows to the library's own mergeable
 * accumulator ({@link RfmAnalysis#newAccumulator()}), partial states are merged
 * ({@link org.ecrm.segmentation.engine.RfmAccumulator#merge}) and the merged state is the result, which
 * {@link RfmAnalysis#score} turns into scores and segments exactly as in one JVM. No RFM logic lives in
 * Spark SQL.
 *
 * <p>Immutable (Spark serializes it to the executors).
 */
public final class RfmAggregator extends Aggregator<Txn, RfmBuffer, RfmBuffer> {
  private static final long serialVersionUID = 1L;
  private final LocalDate asOf;
  private final FrequencyMode frequencyMode;
  private final String currency;

  /** An aggregator for analyses with this as-of date, frequency mode and currency. */
  public RfmAggregator(LocalDate asOf, FrequencyMode frequencyMode, Currency currency) {
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.frequencyMode = Objects.requireNonNull(frequencyMode, "frequencyMode");
    this.currency = Objects.requireNonNull(currency, "currency").getCurrencyCode();
  }

  /** The aggregator for {@code analysis}, whose currency must be fixed. */
  public static RfmAggregator of(RfmAnalysis analysis) {
    return new RfmAggregator(analysis.asOf(), analysis.frequencyMode(), analysis.currency().orElseThrow(
        () -> new IllegalArgumentException("RfmAggregator.of: the analysis must fix its currency")));
  }

  @Override
  public RfmBuffer zero() {
    Currency c = Currency.getInstance(currency);
    RfmAnalysis a = RfmAnalysis.builder().asOf(asOf).frequencyMode(frequencyMode).currency(c).parallelism(1)
        .build();
    return new RfmBuffer(a.newAccumulator(), c);
  }

  @Override
  public RfmBuffer reduce(RfmBuffer buffer, Txn t) {
    buffer.add(t.getCustomer(), t.getEpochDay(), t.getAmountMinor());
    return buffer;
  }

  @Override
  public RfmBuffer merge(RfmBuffer a, RfmBuffer b) {
    return a.merge(b);
  }

  @Override
  public RfmBuffer finish(RfmBuffer reduction) {
    reduction.accumulator();
    return reduction;
  }

  @Override
  public Encoder<RfmBuffer> bufferEncoder() {
    return Encoders.javaSerialization(RfmBuffer.class);
  }

  @Override
  public Encoder<RfmBuffer> outputEncoder() {
    return Encoders.javaSerialization(RfmBuffer.class);
  }
}
