package org.ecrm.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  // Mon-Fri 09:00-17:00 Berlin; Friday 2024-03-29 and Monday 2024-04-01 are holidays (Easter)
  private static final BusinessCalendar CAL = BusinessCalendar.builder(BERLIN)
      .holidays(LocalDate.of(2024, 3, 29), LocalDate.of(2024, 4, 1)).build();

  private static Instant berlin(String local) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(local), BERLIN).toInstant();
  }

  @Test
  void between_skipsNightsWeekendsAndHolidays() {
    // Thursday 16:00 -> Tuesday 10:00 over Good Friday, the weekend and Easter Monday: 1 h + 1 h
    assertThat(CAL.between(berlin("2024-03-28T16:00"), berlin("2024-04-02T10:00"))).isEqualTo(Duration.ofHours(2));
    assertThat(CAL.between(berlin("2024-03-25T08:00"), berlin("2024-03-25T18:00"))).isEqualTo(Duration.ofHours(8));
    assertThat(CAL.between(berlin("2024-03-30T10:00"), berlin("2024-03-31T12:00"))).isZero();
    assertThat(CAL.between(berlin("2024-03-26T10:00"), berlin("2024-03-25T10:00"))).isZero();
  }

  @Test
  void plus_landsInWorkingTime() {
    assertThat(CAL.plus(berlin("2024-03-28T16:00"), Duration.ofHours(2))).isEqualTo(berlin("2024-04-02T10:00"));
    assertThat(CAL.plus(berlin("2024-03-30T23:00"), Duration.ofMinutes(30))).isEqualTo(berlin("2024-04-02T09:30"));
    assertThat(CAL.plus(berlin("2024-03-25T12:00"), Duration.ZERO)).isEqualTo(berlin("2024-03-25T12:00"));
    assertThatThrownBy(() -> CAL.plus(Instant.EPOCH, Duration.ofHours(-1))).hasMessageStartingWith("amount: must not be negative");
  }

  @Test
  void acrossDaylightSavingChange_countsRealHours() {
    BusinessCalendar allDay = BusinessCalendar.builder(BERLIN).workingDays(java.util.EnumSet.allOf(java.time.DayOfWeek.class))
        .hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).build();
    // the night of 2024-03-31 has 23 hours in Berlin
    assertThat(allDay.between(berlin("2024-03-31T00:00"), berlin("2024-04-01T00:00"))).isEqualTo(Duration.ofHours(23));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void plusAndBetween_agree_onRandomInstants(long seed) {
    Random r = new Random(seed);
    Instant base = berlin("2024-03-01T00:00");
    for (int i = 0; i < 200; i++) {
      Instant from = base.plusSeconds(r.nextInt(60 * 86_400));
      Duration d = Duration.ofMinutes(r.nextInt(5_000));
      Instant to = CAL.plus(from, d);
      assertThat(CAL.between(from, to)).isEqualTo(d);
      assertThat(naive(from, to)).isEqualTo(d);
    }
  }

  /** Counts working minutes one by one: obviously right, slow. */
  private static Duration naive(Instant from, Instant to) {
    long minutes = 0;
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
      if (CAL.isOpen(t)) {
        minutes++;
      }
    }
    return Duration.ofMinutes(minutes);
  }

  @Test
  void builder_rejectsBadHoursAndNoDays() {
    assertThatThrownBy(() -> BusinessCalendar.builder(BERLIN).hours(LocalTime.of(17, 0), LocalTime.of(9, 0)))
        .hasMessage("hours: closing must be after opening 17:00 '09:00'");
    assertThatThrownBy(() -> BusinessCalendar.builder(BERLIN).workingDays(java.util.Set.of()))
        .hasMessage("workingDays: needs at least one day '[]'");
  }
}
