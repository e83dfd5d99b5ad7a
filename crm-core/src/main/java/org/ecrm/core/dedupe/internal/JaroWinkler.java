package org.ecrm.core.dedupe.internal;

/**
 * Jaro-Winkler similarity (Winkler 1990): the Jaro similarity boosted by a common prefix of up to four
 * characters with scaling factor 0.1. 1 for equal strings, 0 when nothing matches. Thread-safe
 * (stateless). O(|a|·|b|) time in the worst case, O(|a|+|b|) memory.
 */
public final class JaroWinkler {
  private JaroWinkler() {}

  /** The similarity of {@code a} and {@code b} in 0..1. */
  public static double similarity(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    int la = a.length();
    int lb = b.length();
    if (la == 0 || lb == 0) {
      return 0.0;
    }
    int window = Math.max(0, Math.max(la, lb) / 2 - 1);
    boolean[] ma = new boolean[la];
    boolean[] mb = new boolean[lb];
    int matches = 0;
    for (int i = 0; i < la; i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(lb - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!mb[j] && a.charAt(i) == b.charAt(j)) {
          ma[i] = true;
          mb[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int transpositions = 0;
    int k = 0;
    for (int i = 0; i < la; i++) {
      if (ma[i]) {
        while (!mb[k]) {
          k++;
        }
        if (a.charAt(i) != b.charAt(k)) {
          transpositions++;
        }
        k++;
      }
    }
    double m = matches;
    double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
    int prefix = 0;
    int max = Math.min(4, Math.min(la, lb));
    while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return Math.min(1.0, jaro + prefix * 0.1 * (1.0 - jaro));
  }
}
