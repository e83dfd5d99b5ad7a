package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.RfmAccumulator;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The global cut points of an analysis over a customer base split into parts with disjoint customers
 * (the partitions of a distributed engine, keyed by customer): with them, {@link RfmAnalysis#score(
 * RfmAccumulator, RfmCuts)} scores each part on its own, and every customer gets the score it would get
 * if the whole base were scored in one place.
 *
 * <p>The cuts are found by a {@link Search} that never gathers the customers: it asks every part
 * {@link Probe questions} about its customers' metric order and merges the {@link Reply replies}, a few
 * small rounds in all:
 *
 * <ol>
 *   <li>each part counts its customers and sends a few hundred evenly spaced keys of its sorted order per
 *       dimension (a quantile sketch; the key is the metric with the customer key as tie-break, as
 *       NTILE orders);</li>
 *   <li>from the merged sketch, the search picks a few thousand splitters; each part counts its keys
 *       between them (a histogram), which places every rank the cuts depend on (the first customer of
 *       each NTILE score, or the two order statistics of each quantile break) in one narrow range with
 *       its exact rank inside;</li>
 *   <li>each part sends its keys in just those ranges, which the search sorts to read off the exact keys
 *       at those ranks. A range still too large is refined by another sketch round first.</li>
 * </ol>
 *
 * <p>What travels is bounded by the number of parts and bins, not by the number of customers; what the
 * driver holds is at most {@code parts × 1024} keys per dimension in round 1 and 65,536 keys per range
 * in the last. FIXED thresholds need only the count round. Driver loop, with {@code parts} any
 * collection of the parts' accumulators:
 *
 * <pre>{@code
 * RfmCuts.Search search = analysis.cutSearch();
 * while (!search.done()) {
 *   RfmCuts.Probe probe = search.probe();
 *   search.accept(parts.stream().map(probe::answer).reduce(probe.empty(), RfmCuts.Reply::merge));
 * }
 * RfmCuts cuts = search.cuts();
 * parts.forEach(p -> write(analysis.score(p, cuts)));
 * }</pre>
 *
 * <p>The parts must not share a customer (hash-partition the transactions by customer key before
 * accumulating); that is not checked: a customer in two parts would be counted twice. A part must keep
 * its state while the search runs; a reply whose counts contradict an earlier round is rejected.
 *
 * <p>Cuts, probes and replies are immutable, thread-safe and {@link Serializable} (to ship to workers).
 */
public interface RfmCuts extends Serializable {
  /** Customers scored over all parts (after {@link NonPositiveMonetary#EXCLUDE}, if set). */
  long customers();

  /**
   * The thresholds of {@code d}, as {@link ScoreBins#thresholds()} of the whole base reports them: for
   * NTILE the first metric value of each score 2..n (the largest days for recency), for QUANTILE the
   * breaks, for FIXED the user's thresholds.
   */
  List<BigDecimal> thresholds(Dimension d);

  /**
   * The driver side of the cut search over all parts. Not thread-safe: one loop drives it.
   */
  interface Search {
    /** Whether the cuts are known. */
    boolean done();

    /**
     * The question for this round, to be answered by every part.
     *
     * @throws IllegalStateException if the search is done
     */
    Probe probe();

    /**
     * Takes the merged replies of all parts to the current probe.
     *
     * @throws IllegalArgumentException if the reply answers another probe, or its counts contradict an
     *     earlier round (a part changed)
     * @throws IllegalStateException if the search is done
     */
    void accept(Reply merged);

    /** Rounds answered so far. */
    int rounds();

    /**
     * The cuts.
     *
     * @throws IllegalStateException if the search is not done
     */
    RfmCuts cuts();
  }

  /** One round's question to every part. */
  interface Probe extends Serializable {
    /**
     * This part's reply. The part must be an accumulator of the searching analysis (same as-of date and
     * frequency mode) whose customers no other part has.
     *
     * @throws IllegalArgumentException if {@code part} belongs to another analysis
     */
    Reply answer(RfmAccumulator part);

    /** The reply of a part without customers: the identity of {@link Reply#merge}. */
    Reply empty();
  }

  /** A part's reply to a probe, or the merge of several. */
  interface Reply extends Serializable {
    /**
     * The two replies combined into a new one (associative and commutative; neither is changed).
     *
     * @throws IllegalArgumentException if {@code other} answers another probe
     */
    Reply merge(Reply other);
  }
}
