package org.ecrm.segmentation;

import org.ecrm.segmentation.engine.RejectedRecord;
import org.ecrm.segmentation.engine.TransactionSource;



import java.time.LocalDate;

import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ecrm.segmentation.internal.util.CustomerIds;
import org.jspecify.annotations.Nullable;

/**
 * The BTYD customer-base summary: per customer frequency, recency, T and mean repeat monetary value
 * within a calibration period ending on (and including) {@code calibrationEnd}, and optionally the
 * holdout frequency and value in {@code (calibrationEnd, holdoutEnd]}, computed exactly as lifetimes'
 * {@code summary_data_from_transaction_data(…, freq="D")} / {@code calibration_and_holdout_data}:
 * transactions of one customer on one day are merged into one purchase period (their amounts summed),
 * customers whose first purchase is after the calibration end are left out (and counted).
 *
 * <p>Immutable and thread-safe.
 */
public final class CustomerBaseSummary {
  private final LocalDate calibrationEnd;
  private final @Nullable LocalDate holdoutEnd;
  private final PeriodUnit unit;

  private CustomerBaseSummary(LocalDate calibrationEnd, @Nullable LocalDate holdoutEnd, PeriodUnit unit) {
    this.calibrationEnd = calibrationEnd;
    this.holdoutEnd = holdoutEnd;
    this.unit = unit;
  }

  /** A new builder; the calibration end is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Summarises {@code source}. Transactions after the end (calibration end, or holdout end when set) are
   * counted and left out; a date before 1970 is rejected (record, field "date"), and so is a row whose
   * amount would overflow its customer's day total (field "amount"), in arrival order. Large inputs are
   * summarised on the common fork-join pool as well as the calling thread.
   *
   * @throws org.ecrm.segmentation.engine.MixedCurrencyException if batches come in two currencies
   * @throws ArithmeticException if a customer's repeat-purchase or holdout total overflows 64-bit minor
   *     units (the message names the customer)
   */
  public Result summarize(TransactionSource source) {
    Objects.requireNonNull(source, "source");
    return BtydReader.summarize(source, calibrationEnd, holdoutEnd, unit);
  }

  /** The per-customer rows (in customer-key order) and the counts of what was left out. */
  public record Result(List<BtydCustomer> customers, Currency currency, PeriodUnit unit,
      double holdoutDuration, int customersFirstAfterCalibration, long transactionsAfterEnd,
      List<RejectedRecord> rejections) {
    /** Copies the lists. */
    public Result {
      customers = List.copyOf(customers);
      rejections = List.copyOf(rejections);
    }

    /**
     * The row of the customer with the host's id {@code customerId} ({@code "C-0042"}, {@code "42"}), if
     * summarised; empty also for a text that cannot be a customer id.
     *
     * @param customerId the id
     * @return the row, or empty
     */
    public Optional<BtydCustomer> find(String customerId) {
      String id = customerId.strip();
      if (CustomerIds.problem(id) != null) {
        return Optional.empty();
      }
      return find(CustomerIds.key(id)).filter(c -> c.customerId().equals(CustomerIds.isNamed(c.customer())
          ? id : Long.toString(c.customer())));
    }

    /** The row of {@code customer}, if summarised. */
    public Optional<BtydCustomer> find(long customer) {
      int lo = 0;
      int hi = customers.size() - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        long k = customers.get(mid).customer();
        if (k < customer) {
          lo = mid + 1;
        } else if (k > customer) {
          hi = mid - 1;
        } else {
          return Optional.of(customers.get(mid));
        }
      }
      return Optional.empty();
    }
  }

  /** Configures a summary; each setter once, bad values rejected at once. Not thread-safe. */
  public static final class Builder {
    private @Nullable LocalDate calibrationEnd;
    private @Nullable LocalDate holdoutEnd;
    private PeriodUnit unit = PeriodUnit.DAYS;
    private boolean unitSet;

    private Builder() {
    }

    /** The last day of the calibration period (inclusive). */
    public Builder calibrationEnd(LocalDate date) {
      Objects.requireNonNull(date, "calibrationEnd");
      if (calibrationEnd != null) {
        throw new IllegalStateException("calibrationEnd was already set to " + calibrationEnd);
      }
      calibrationEnd = date;
      return this;
    }

    /** The last day of the holdout period (inclusive); must be after the calibration end. */
    public Builder holdoutEnd(LocalDate date) {
      Objects.requireNonNull(date, "holdoutEnd");
      if (holdoutEnd != null) {
        throw new IllegalStateException("holdoutEnd was already set to " + holdoutEnd);
      }
      holdoutEnd = date;
      return this;
    }

    /** Days (default) or weeks. */
    public Builder unit(PeriodUnit u) {
      Objects.requireNonNull(u, "unit");
      if (unitSet) {
        throw new IllegalStateException("unit was already set to " + unit);
      }
      unit = u;
      unitSet = true;
      return this;
    }

    /**
     * Builds.
     *
     * @throws IllegalStateException without a calibration end
     * @throws IllegalArgumentException if the holdout end is not after the calibration end
     */
    public CustomerBaseSummary build() {
      if (calibrationEnd == null) {
        throw new IllegalStateException("calibrationEnd must be set");
      }
      if (holdoutEnd != null && !holdoutEnd.isAfter(calibrationEnd)) {
        throw new IllegalArgumentException("holdoutEnd must be after calibrationEnd " + calibrationEnd + ": "
            + holdoutEnd);
      }
      return new CustomerBaseSummary(calibrationEnd, holdoutEnd, unit);
    }
  }


}
