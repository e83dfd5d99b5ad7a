package org.ecrm.core.dedupe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.ecrm.core.dedupe.internal.JaroWinkler;
import org.ecrm.core.dedupe.internal.MatchKeys;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.ExternalId;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.model.PostalAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of blocked duplicate detection (see {@code DuplicateFinder} for the algorithm and its cost).
 * Not thread-safe; a new instance per run.
 */
final class BlockingMatcher {
  private static final Logger LOG = LoggerFactory.getLogger(BlockingMatcher.class);
  private static final MatchRule[] RULES = MatchRule.values();

  private final Set<MatchRule> rules;
  private final double threshold;
  private final int maxBlockSize;
  private final List<CustomerId> ids = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final Map<String, IntList> exact = new HashMap<>();
  private final Map<String, IntList> postcodes = new HashMap<>();
  /** pair (low index << 32 | high index) → bit mask of matched rules. */
  private final Map<Long, Integer> pairs = new HashMap<>();

  /** A run with the given configuration. */
  BlockingMatcher(Set<MatchRule> rules, double threshold, int maxBlockSize) {
    this.rules = rules;
    this.threshold = threshold;
    this.maxBlockSize = maxBlockSize;
  }

  /** Indexes the customers, compares within blocks and returns the sorted candidates. */
  List<DuplicateCandidate> find(Stream<Customer> customers) {
    Map<CustomerId, Integer> seen = new HashMap<>();
    customers.forEachOrdered(c -> {
      Checks.notNull("customers[" + ids.size() + "]", c);
      int i = ids.size();
      if (seen.putIfAbsent(c.id(), i) != null) {
        throw Checks.invalid("customers[" + i + "].id", "duplicate customer id", c.id());
      }
      ids.add(c.id());
      names.add(MatchKeys.name(c.name()));
      index(i, c);
    });
    exact.forEach((key, block) -> {
      if (block.size < 2 || tooBig(key, block)) {
        return;
      }
      MatchRule rule = RULES[key.charAt(0) - '0'];
      int[] m = block.distinct();
      for (int x = 0; x < m.length; x++) {
        for (int y = x + 1; y < m.length; y++) {
          mark(m[x], m[y], rule);
        }
      }
    });
    postcodes.forEach((key, block) -> {
      if (block.size < 2 || tooBig(key, block)) {
        return;
      }
      int[] m = block.distinct();
      for (int x = 0; x < m.length; x++) {
        String nx = names.get(m[x]);
        if (nx.isEmpty()) {
          continue;
        }
        for (int y = x + 1; y < m.length; y++) {
          String ny = names.get(m[y]);
          if (!ny.isEmpty() && JaroWinkler.similarity(nx, ny) >= threshold) {
            mark(m[x], m[y], MatchRule.NAME_AND_POSTCODE);
          }
        }
      }
    });
    List<DuplicateCandidate> out = new ArrayList<>(pairs.size());
    pairs.forEach((pair, mask) -> {
      int a = (int) (pair >>> 32);
      int b = (int) (long) pair;
      EnumSet<MatchRule> matched = EnumSet.noneOf(MatchRule.class);
      for (MatchRule r : RULES) {
        if ((mask & (1 << r.ordinal())) != 0) {
          matched.add(r);
        }
      }
      String na = names.get(a);
      String nb = names.get(b);
      double sim = na.isEmpty() || nb.isEmpty() ? 0.0 : JaroWinkler.similarity(na, nb);
      double miss = 1.0;
      for (MatchRule r : matched) {
        miss *= 1.0 - (r == MatchRule.NAME_AND_POSTCODE ? r.weight() * sim : r.weight());
      }
      CustomerId ia = ids.get(a);
      CustomerId ib = ids.get(b);
      boolean order = ia.compareTo(ib) < 0;
      out.add(new DuplicateCandidate(order ? ia : ib, order ? ib : ia, matched, sim, 1.0 - miss));
    });
    out.sort(null);
    return out;
  }

  private void index(int i, Customer c) {
    if (rules.contains(MatchRule.EMAIL)) {
      for (EmailAddress e : c.emails()) {
        add(exact, MatchRule.EMAIL.ordinal() + e.value(), i);
      }
    }
    if (rules.contains(MatchRule.PHONE)) {
      for (PhoneNumber p : c.phones()) {
        add(exact, MatchRule.PHONE.ordinal() + p.canonical(), i);
      }
    }
    if (rules.contains(MatchRule.EXTERNAL_ID)) {
      for (ExternalId x : c.externalIds()) {
        add(exact, MatchRule.EXTERNAL_ID.ordinal() + x.system() + "\u0000" + x.id(), i);
      }
    }
    if (rules.contains(MatchRule.NAME_AND_POSTCODE) && !names.get(i).isEmpty()) {
      for (PostalAddress a : c.addresses()) {
        String key = MatchKeys.postcode(a);
        if (!key.isEmpty()) {
          add(postcodes, key, i);
        }
      }
    }
  }

  private static void add(Map<String, IntList> index, String key, int i) {
    index.computeIfAbsent(key, k -> new IntList()).add(i);
  }

  private boolean tooBig(String key, IntList block) {
    if (block.size > maxBlockSize) {
      LOG.warn("duplicate detection skipped block '{}' of {} customers (maxBlockSize {})",
          Checks.abbreviate(key), block.size, maxBlockSize);
      return true;
    }
    return false;
  }

  private void mark(int a, int b, MatchRule rule) {
    long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
    pairs.merge(key, 1 << rule.ordinal(), (x, y) -> x | y);
  }

  /** A growable list of int indexes. */
  private static final class IntList {
    int[] values = new int[2];
    int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    /** The distinct indexes (a customer may enter a block twice, e.g. with two addresses). */
    int[] distinct() {
      int[] v = Arrays.copyOf(values, size);
      Arrays.sort(v);
      int n = 0;
      for (int i = 0; i < v.length; i++) {
        if (i == 0 || v[i] != v[i - 1]) {
          v[n++] = v[i];
        }
      }
      return n == v.length ? v : Arrays.copyOf(v, n);
    }
  }
}
