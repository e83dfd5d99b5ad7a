package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.CustomerKeys;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerFilter;

/**
 * Customer classes: transactional (in the result) vs non-transactional (known, no purchase before the
 * as-of date), one-time (frequency 1) vs repeat (frequency ≥ 2), and high-value (the top
 * {@code highValueShare} of scored customers by monetary value, rounded up, ties by key).
 *
 * <p>Immutable and thread-safe.
 */
public final class CustomerClasses {
  /** A class a customer can be in. */
  public enum CustomerClass {
    /** Bought at least once. */
    TRANSACTIONAL,
    /** Known, but never bought. */
    NON_TRANSACTIONAL,
    /** Bought exactly once. */
    ONE_TIME,
    /** Bought more than once. */
    REPEAT,
    /** Among the customers bringing the high-value share of the revenue. */
    HIGH_VALUE
  }

  private final RfmResult result;
  private final long[] nonTransactional;
  private final boolean[] highValue;
  private final int oneTime;
  private final int repeat;
  private final int high;

  private CustomerClasses(RfmResult result, long[] known, double highValueShare) {
    this.result = result;
    long[] k = known.clone();
    Arrays.sort(k);
    this.nonTransactional = Arrays.stream(k).distinct().filter(x -> result.rowOf(x).isEmpty()).toArray();
    int n = result.size();
    int one = 0;
    int rep = 0;
    for (int i = 0; i < n; i++) {
      if (result.frequency(i) == 1) {
        one++;
      } else if (result.frequency(i) > 1) {
        rep++;
      }
    }
    oneTime = one;
    repeat = rep;
    high = (int) Math.ceil(highValueShare * n);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Long.compare(result.monetaryMinor(y), result.monetaryMinor(x)));
    highValue = new boolean[n];
    for (int p = 0; p < high; p++) {
      highValue[order[p]] = true;
    }
  }

  /**
   * Classes for a result and the keys of all known customers.
   *
   * @throws IllegalArgumentException unless {@code 0 < highValueShare <= 1}
   */
  public static CustomerClasses of(RfmResult result, long[] knownCustomers, double highValueShare) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(knownCustomers, "knownCustomers");
    if (!(highValueShare > 0 && highValueShare <= 1)) {
      throw new IllegalArgumentException("highValueShare must be in (0, 1]: " + highValueShare);
    }
    return new CustomerClasses(result, knownCustomers, highValueShare);
  }

  /**
   * The keys of every customer in {@code crm}, as {@link TransactionSources#orders(Crm, java.util.Currency,
   * java.time.ZoneId, RefundHandling)} keys them (from the ids themselves).
   *
   * @param crm the store
   * @return the keys
   */
  public static long[] knownCustomers(Crm crm) {
    Objects.requireNonNull(crm, "crm");
    try (Stream<Customer> s = crm.customers().stream(CustomerFilter.all())) {
      return s.mapToLong(c -> org.ecrm.segmentation.internal.util.CustomerIds.key(c.id().value())).toArray();
    }
  }

  /** The keys of every customer in {@code crm}, through {@code keys} (as used by {@link TransactionSources#orders}). */
  public static long[] knownCustomers(Crm crm, CustomerKeys keys) {
    Objects.requireNonNull(crm, "crm");
    Objects.requireNonNull(keys, "keys");
    try (Stream<Customer> s = crm.customers().stream(CustomerFilter.all())) {
      return s.mapToLong(c -> keys.keyOf(c.id())).toArray();
    }
  }

  /** The classes of {@code customer} (empty if it is neither scored nor known). */
  public Set<CustomerClass> classesOf(long customer) {
    var row = result.rowOf(customer);
    if (row.isEmpty()) {
      return Arrays.binarySearch(nonTransactional, customer) >= 0 ? EnumSet.of(CustomerClass.NON_TRANSACTIONAL)
          : EnumSet.noneOf(CustomerClass.class);
    }
    int i = row.getAsInt();
    EnumSet<CustomerClass> s = EnumSet.of(CustomerClass.TRANSACTIONAL);
    s.add(result.frequency(i) == 1 ? CustomerClass.ONE_TIME : CustomerClass.REPEAT);
    if (highValue[i]) {
      s.add(CustomerClass.HIGH_VALUE);
    }
    return s;
  }

  /** How many customers are in {@code c}. */
  public int count(CustomerClass c) {
    return switch (c) {
      case TRANSACTIONAL -> result.size();
      case NON_TRANSACTIONAL -> nonTransactional.length;
      case ONE_TIME -> oneTime;
      case REPEAT -> repeat;
      case HIGH_VALUE -> high;
    };
  }

  /** Known customers without a purchase, ascending. */
  public long[] nonTransactionalCustomers() {
    return nonTransactional.clone();
  }
}
