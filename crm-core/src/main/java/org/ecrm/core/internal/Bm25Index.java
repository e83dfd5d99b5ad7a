package org.ecrm.core.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small in-memory BM25 index (Robertson–Spärck Jones, k1 = 1.2, b = 0.75, idf = ln(1 + (N − n + 0.5)
 * / (n + 0.5)) as Lucene computes it) over documents given as text. Terms are lower-cased, accents
 * removed, split on anything but letters and digits, English stop words dropped, and a plural "s"
 * stripped. Immutable after construction and thread-safe.
 *
 * @param <D> the document type
 */
public final class Bm25Index<D> {
  private static final double K1 = 1.2;
  private static final double B = 0.75;
  private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "can",
      "do", "does", "for", "from", "how", "i", "in", "is", "it", "my", "of", "on", "or", "the", "to",
      "what", "when", "where", "which", "who", "why", "with", "you", "your");

  private final List<D> docs = new ArrayList<>();
  private final List<Map<String, Integer>> termFreqs = new ArrayList<>();
  private final List<Integer> lengths = new ArrayList<>();
  private final Map<String, Integer> docFreq = new HashMap<>();
  private double avgLength;

  /** Builds the index over {@code docs}, each with its text. */
  public Bm25Index(Map<D, String> texts) {
    long total = 0;
    for (Map.Entry<D, String> e : texts.entrySet()) {
      List<String> terms = terms(e.getValue());
      Map<String, Integer> tf = new HashMap<>();
      terms.forEach(t -> tf.merge(t, 1, Integer::sum));
      tf.keySet().forEach(t -> docFreq.merge(t, 1, Integer::sum));
      docs.add(e.getKey());
      termFreqs.add(tf);
      lengths.add(terms.size());
      total += terms.size();
    }
    avgLength = docs.isEmpty() ? 0 : (double) total / docs.size();
  }

  /** The documents matching at least one query term, with their scores, best first (ties by insertion order). */
  public List<Map.Entry<D, Double>> search(String query, int limit) {
    List<String> q = terms(query).stream().distinct().toList();
    List<Map.Entry<D, Double>> hits = new ArrayList<>();
    int n = docs.size();
    for (int d = 0; d < n; d++) {
      double score = 0;
      Map<String, Integer> tf = termFreqs.get(d);
      for (String t : q) {
        Integer f = tf.get(t);
        if (f == null) {
          continue;
        }
        int df = docFreq.get(t);
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        double norm = f * (K1 + 1) / (f + K1 * (1 - B + B * lengths.get(d) / avgLength));
        score += idf * norm;
      }
      if (score > 0) {
        hits.add(Map.entry(docs.get(d), score));
      }
    }
    hits.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    return hits.size() > limit ? hits.subList(0, limit) : hits;
  }

  /** The index terms of a text. */
  public static List<String> terms(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String w : plain.split("[^\\p{L}\\p{N}]+")) {
      if (w.isEmpty() || STOP.contains(w)) {
        continue;
      }
      out.add(w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w);
    }
    return out;
  }
}
