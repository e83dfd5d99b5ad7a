package org.ecrm.core.support;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.ecrm.core.internal.check.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Working time: working days, daily opening hours and holidays in a time zone. Service-level clocks
 * run only inside it. Immutable and thread-safe.
 */
public final class BusinessCalendar {
  /** Every hour of every day in UTC: service levels measured in plain elapsed time. */
  public static final BusinessCalendar ALWAYS = new BusinessCalendar(ZoneId.of("UTC"),
      EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, null, Set.of());

  private final ZoneId zone;
  private final Set<DayOfWeek> days;
  private final LocalTime opens;
  private final @Nullable LocalTime closes; // null = midnight at the end of the day
  private final Set<LocalDate> holidays;

  private BusinessCalendar(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, @Nullable LocalTime closes,
      Set<LocalDate> holidays) {
    this.zone = zone;
    this.days = Set.copyOf(days);
    this.opens = opens;
    this.closes = closes;
    this.holidays = Set.copyOf(holidays);
  }

  /** A builder: Monday to Friday, 09:00–17:00, no holidays, in {@code zone}. */
  public static Builder builder(ZoneId zone) {
    return new Builder(zone);
  }

  /** The calendar's time zone. */
  public ZoneId zone() {
    return zone;
  }

  /** Whether {@code at} is working time. */
  public boolean isOpen(Instant at) {
    ZonedDateTime t = at.atZone(zone);
    if (!workingDay(t.toLocalDate())) {
      return false;
    }
    LocalTime time = t.toLocalTime();
    return !time.isBefore(opens) && (closes == null || time.isBefore(closes));
  }

  /**
   * The working time between two instants (zero when {@code to} is not after {@code from}).
   * Days are walked one by one, so the cost grows with the number of calendar days spanned.
   */
  public Duration between(Instant from, Instant to) {
    Checks.notNull("from", from);
    Checks.notNull("to", to);
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    LocalDate day = from.atZone(zone).toLocalDate();
    LocalDate last = to.atZone(zone).toLocalDate();
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      if (!workingDay(day)) {
        continue;
      }
      Instant open = day.atTime(opens).atZone(zone).toInstant();
      Instant close = closes == null ? day.plusDays(1).atStartOfDay(zone).toInstant()
          : day.atTime(closes).atZone(zone).toInstant();
      Instant a = from.isAfter(open) ? from : open;
      Instant b = to.isBefore(close) ? to : close;
      if (b.isAfter(a)) {
        total = total.plus(Duration.between(a, b));
      }
    }
    return total;
  }

  /**
   * The instant when {@code amount} of working time has passed after {@code from}.
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public Instant plus(Instant from, Duration amount) {
    Checks.notNull("from", from);
    Checks.notNull("amount", amount);
    if (amount.isNegative()) {
      throw Checks.invalid("amount", "must not be negative", amount);
    }
    Duration left = amount;
    LocalDate day = from.atZone(zone).toLocalDate();
    for (int guard = 0; guard < 366 * 20; guard++, day = day.plusDays(1)) {
      if (!workingDay(day)) {
        continue;
      }
      Instant open = day.atTime(opens).atZone(zone).toInstant();
      Instant close = closes == null ? day.plusDays(1).atStartOfDay(zone).toInstant()
          : day.atTime(closes).atZone(zone).toInstant();
      Instant a = from.isAfter(open) ? from : open;
      if (!close.isAfter(a)) {
        continue;
      }
      Duration available = Duration.between(a, close);
      if (available.compareTo(left) >= 0) {
        return a.plus(left);
      }
      left = left.minus(available);
    }
    throw new IllegalStateException("no working time within 20 years after " + from);
  }

  private boolean workingDay(LocalDate day) {
    return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
  }

  @Override
  public String toString() {
    return "BusinessCalendar[" + zone + " " + new TreeSet<>(days) + " " + opens + "-"
        + (closes == null ? "24:00" : closes) + ", " + holidays.size() + " holidays]";
  }

  /** Collects a {@link BusinessCalendar}. Not thread-safe. */
  public static final class Builder {
    private final ZoneId zone;
    private Set<DayOfWeek> days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private LocalTime opens = LocalTime.of(9, 0);
    private @Nullable LocalTime closes = LocalTime.of(17, 0);
    private final Set<LocalDate> holidays = new TreeSet<>();

    private Builder(ZoneId zone) {
      this.zone = Checks.notNull("zone", zone);
    }

    /**
     * The working days.
     *
     * @throws IllegalArgumentException if none
     */
    public Builder workingDays(Set<DayOfWeek> days) {
      if (Checks.notNull("workingDays", days).isEmpty()) {
        throw Checks.invalid("workingDays", "needs at least one day", days);
      }
      this.days = EnumSet.copyOf(days);
      return this;
    }

    /**
     * The daily opening hours; {@code closes} of midnight means the end of the day.
     *
     * @throws IllegalArgumentException if {@code closes} is not after {@code opens}
     */
    public Builder hours(LocalTime opens, LocalTime closes) {
      Checks.notNull("opens", opens);
      Checks.notNull("closes", closes);
      if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
        throw Checks.invalid("hours", "closing must be after opening " + opens, closes);
      }
      this.opens = opens;
      this.closes = closes.equals(LocalTime.MIDNIGHT) ? null : closes;
      return this;
    }

    /** Adds holidays (no working time all day). */
    public Builder holidays(LocalDate... dates) {
      for (LocalDate d : dates) {
        holidays.add(Checks.notNull("holiday", d));
      }
      return this;
    }

    /** Builds the calendar. */
    public BusinessCalendar build() {
      return new BusinessCalendar(zone, days, opens, closes, holidays);
    }
  }
}
