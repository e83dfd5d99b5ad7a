package org.ecrm.segmentation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ecrm.segmentation.internal.JsonValue;

/**
 * An ordered list of {@link SegmentRule}s for a given number of bins: rules are evaluated in order, the
 * first match wins, scores no rule matches fall into {@value #OTHERS}. Validated when built: every range
 * within 1..bins, names unique and not blank (and not "Others"), and no rule unreachable (every cell of
 * its box already taken by earlier rules). Gaps are allowed and visible: {@link #uncoveredCells()}.
 *
 * <p>The {@linkplain #defaults() default table} (5 bins) is the R {@code rfm} package's documented
 * example table, in its order, plus "Hibernating" for the low-recency cells it leaves uncovered:
 *
 * <table>
 * <caption>Default segments</caption>
 * <tr><th>segment</th><th>R</th><th>F</th><th>M</th></tr>
 * <tr><td>Champions</td><td>4–5</td><td>4–5</td><td>4–5</td></tr>
 * <tr><td>Loyal Customers</td><td>2–5</td><td>3–5</td><td>3–5</td></tr>
 * <tr><td>Potential Loyalist</td><td>3–5</td><td>1–3</td><td>1–3</td></tr>
 * <tr><td>New Customers</td><td>4–5</td><td>1–1</td><td>1–1</td></tr>
 * <tr><td>Promising</td><td>3–4</td><td>1–1</td><td>1–1</td></tr>
 * <tr><td>Need Attention</td><td>2–3</td><td>2–3</td><td>2–3</td></tr>
 * <tr><td>About To Sleep</td><td>2–3</td><td>1–2</td><td>1–2</td></tr>
 * <tr><td>At Risk</td><td>1–2</td><td>2–5</td><td>2–5</td></tr>
 * <tr><td>Can't Lose Them</td><td>1–1</td><td>4–5</td><td>4–5</td></tr>
 * <tr><td>Lost</td><td>1–2</td><td>1–2</td><td>1–2</td></tr>
 * <tr><td>Hibernating</td><td>1–2</td><td>1–5</td><td>1–5</td></tr>
 * </table>
 *
 * <p>Note that with first-match-wins "New Customers" and "Promising" are shadowed by "Potential
 * Loyalist" in R's table, and "Can't Lose Them" by "At Risk"; the default table keeps R's rules and
 * order for fidelity, so those three are the only rules the reachability check lets through as
 * {@linkplain #unreachableAllowed() documented exceptions}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SegmentTable implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** The name of the catch-all segment. */
  public static final String OTHERS = "Others";

  /** The number of bins the rules are written for. */
  private final int bins;
  /** The rules in evaluation order. */
  private final List<SegmentRule> rules;
  /** The segment index of each score cell. */
  private final byte[] lookup;
  /** Score cells no rule covers. */
  private final int uncovered;
  /** Whether rules that never match are accepted. */
  private final boolean unreachableAllowed;

  private SegmentTable(int bins, List<SegmentRule> rules, boolean allowUnreachable) {
    RfmAnalysis.checkBins(bins);
    this.bins = bins;
    this.rules = List.copyOf(rules);
    this.unreachableAllowed = allowUnreachable;
    if (this.rules.size() > 126) {
      throw new IllegalArgumentException("at most 126 segment rules: " + this.rules.size());
    }
    Set<String> names = new HashSet<>();
    for (SegmentRule r : this.rules) {
      if (r.name().equals(OTHERS)) {
        throw new IllegalArgumentException("segment name \"" + OTHERS + "\" is reserved for unmatched scores");
      }
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("duplicate segment name: \"" + r.name() + "\"");
      }
      if (r.rHigh() > bins || r.fHigh() > bins || r.mHigh() > bins) {
        throw new IllegalArgumentException("segment \"" + r.name() + "\": score ranges must be within 1.."
            + bins + ": R " + r.rLow() + ".." + r.rHigh() + ", F " + r.fLow() + ".." + r.fHigh() + ", M "
            + r.mLow() + ".." + r.mHigh());
      }
    }
    lookup = new byte[bins * bins * bins];
    java.util.Arrays.fill(lookup, (byte) -1);
    List<String> unreachable = new ArrayList<>();
    for (int k = 0; k < this.rules.size(); k++) {
      SegmentRule r = this.rules.get(k);
      boolean took = false;
      for (int a = r.rLow(); a <= r.rHigh(); a++) {
        for (int b = r.fLow(); b <= r.fHigh(); b++) {
          for (int c = r.mLow(); c <= r.mHigh(); c++) {
            int cell = cell(a, b, c);
            if (lookup[cell] < 0) {
              lookup[cell] = (byte) k;
              took = true;
            }
          }
        }
      }
      if (!took) {
        unreachable.add(r.name());
      }
    }
    if (!unreachable.isEmpty() && !allowUnreachable) {
      throw new IllegalArgumentException("unreachable segment rules (every cell taken by earlier rules): "
          + unreachable);
    }
    int u = 0;
    for (byte b : lookup) {
      if (b < 0) {
        u++;
      }
    }
    uncovered = u;
  }

  /** The default 5-bin table described above. */
  public static SegmentTable defaults() {
    return new SegmentTable(5, List.of(
        new SegmentRule("Champions", 4, 5, 4, 5, 4, 5),
        new SegmentRule("Loyal Customers", 2, 5, 3, 5, 3, 5),
        new SegmentRule("Potential Loyalist", 3, 5, 1, 3, 1, 3),
        new SegmentRule("New Customers", 4, 5, 1, 1, 1, 1),
        new SegmentRule("Promising", 3, 4, 1, 1, 1, 1),
        new SegmentRule("Need Attention", 2, 3, 2, 3, 2, 3),
        new SegmentRule("About To Sleep", 2, 3, 1, 2, 1, 2),
        new SegmentRule("At Risk", 1, 2, 2, 5, 2, 5),
        new SegmentRule("Can't Lose Them", 1, 1, 4, 5, 4, 5),
        new SegmentRule("Lost", 1, 2, 1, 2, 1, 2),
        new SegmentRule("Hibernating", 1, 2, 1, 5, 1, 5)), true);
  }

  /** A builder for a custom table over {@code bins} scores. */
  public static Builder builder(int bins) {
    RfmAnalysis.checkBins(bins);
    return new Builder(bins);
  }

  /**
   * Reads a table from JSON: {@code {"bins":5,"rules":[{"name":"Champions","r":[4,5],"f":[4,5],"m":[4,5]},…]}}.
   *
   * @throws IllegalArgumentException naming the rule index and field when the JSON is malformed or invalid
   */
  public static SegmentTable fromJson(String json) {
    Objects.requireNonNull(json, "json");
    Object root;
    try {
      root = JsonValue.read(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("segment table JSON is malformed: " + e.getMessage(), e);
    }
    if (!(JsonValue.member(root, "bins") instanceof Integer bins)) {
      throw new IllegalArgumentException("segment table JSON: \"bins\" must be an integer");
    }
    Builder b = builder(bins);
    if (!(JsonValue.member(root, "rules") instanceof List<?> rules)) {
      throw new IllegalArgumentException("segment table JSON: \"rules\" must be an array");
    }
    for (int i = 0; i < rules.size(); i++) {
      Object r = rules.get(i);
      String where = "rules[" + i + "]";
      if (!(JsonValue.member(r, "name") instanceof String name)) {
        throw new IllegalArgumentException("segment table JSON: " + where + ".name must be a string");
      }
      int[] rr = range(r, where, "r");
      int[] ff = range(r, where, "f");
      int[] mm = range(r, where, "m");
      try {
        b.rule(name, rr[0], rr[1], ff[0], ff[1], mm[0], mm[1]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("segment table JSON: " + where + ": " + e.getMessage(), e);
      }
    }
    return b.build();
  }

  private static int[] range(Object r, String where, String field) {
    if (!(JsonValue.member(r, field) instanceof List<?> a) || a.size() != 2
        || !(a.get(0) instanceof Integer low) || !(a.get(1) instanceof Integer high)) {
      throw new IllegalArgumentException("segment table JSON: " + where + "." + field
          + " must be [low, high] integers");
    }
    return new int[] {low, high};
  }

  /** The number of bins the rules are written for. */
  public int bins() {
    return bins;
  }

  /** The rules in evaluation order. */
  public List<SegmentRule> rules() {
    return rules;
  }

  /** Segment names in rule order, then {@value #OTHERS}. */
  public List<String> segmentNames() {
    List<String> out = new ArrayList<>();
    for (SegmentRule r : rules) {
      out.add(r.name());
    }
    out.add(OTHERS);
    return List.copyOf(out);
  }

  /** Score cells (of bins³) no rule covers; their customers fall into {@value #OTHERS}. */
  public int uncoveredCells() {
    return uncovered;
  }

  /** Whether this table was allowed to keep unreachable rules (only the R-compatible default). */
  public boolean unreachableAllowed() {
    return unreachableAllowed;
  }

  /** The index into {@link #segmentNames()} of the first rule matching the scores. */
  public int segmentIndex(int r, int f, int m) {
    if (r < 1 || r > bins || f < 1 || f > bins || m < 1 || m > bins) {
      throw new IllegalArgumentException("scores must be within 1.." + bins + ": " + r + "," + f + "," + m);
    }
    byte k = lookup[cell(r, f, m)];
    return k < 0 ? rules.size() : k;
  }

  /** The name of the first rule matching the scores, or {@value #OTHERS}. */
  public String segmentOf(int r, int f, int m) {
    return segmentNames().get(segmentIndex(r, f, m));
  }

  int cell(int r, int f, int m) {
    return ((r - 1) * bins + (f - 1)) * bins + (m - 1);
  }

  byte[] lookupTable() {
    return lookup;
  }

  @Override
  public String toString() {
    return "SegmentTable[bins=" + bins + ", rules=" + rules + "]";
  }

  /** Collects rules in order; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private final int bins;
    private final List<SegmentRule> rules = new ArrayList<>();

    private Builder(int bins) {
      this.bins = bins;
    }

    /** Appends a rule (bounds inclusive). */
    public Builder rule(String name, int rLow, int rHigh, int fLow, int fHigh, int mLow, int mHigh) {
      rules.add(new SegmentRule(name, rLow, rHigh, fLow, fHigh, mLow, mHigh));
      return this;
    }

    /** Appends a rule. */
    public Builder rule(SegmentRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException for ranges outside 1..bins, duplicate or reserved names, or
     *     unreachable rules
     */
    public SegmentTable build() {
      return new SegmentTable(bins, rules, false);
    }
  }
}
