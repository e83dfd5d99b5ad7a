package org.ecrm.core.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.ecrm.core.internal.check.Checks;

/**
 * A typed custom attribute value on a customer, account or interaction: text, number, yes/no, date or
 * instant. Immutable and thread-safe.
 */
public sealed interface AttributeValue {

  /** The value as a string ({@code "true"}, {@code "12.5"}, {@code "2024-01-31"}, ...). */
  String asText();

  /** Text, at most 65,536 characters. @param value the text */
  record Text(String value) implements AttributeValue {
    /** @throws IllegalArgumentException if the text is too long */
    public Text {
      value = Checks.text("AttributeValue.Text.value", value);
    }

    @Override
    public String asText() {
      return value;
    }
  }

  /** An exact decimal number. @param value the number */
  record Number(BigDecimal value) implements AttributeValue {
    /** @throws NullPointerException if the value is null */
    public Number {
      Checks.notNull("AttributeValue.Number.value", value);
    }

    @Override
    public String asText() {
      return value.toPlainString();
    }
  }

  /** Yes or no. @param value the flag */
  record Flag(boolean value) implements AttributeValue {
    @Override
    public String asText() {
      return Boolean.toString(value);
    }
  }

  /** A calendar date. @param value the date */
  record Date(LocalDate value) implements AttributeValue {
    /** @throws NullPointerException if the value is null */
    public Date {
      Checks.notNull("AttributeValue.Date.value", value);
    }

    @Override
    public String asText() {
      return value.toString();
    }
  }

  /** An instant. @param value the instant */
  record Timestamp(Instant value) implements AttributeValue {
    /** @throws NullPointerException if the value is null */
    public Timestamp {
      Checks.notNull("AttributeValue.Timestamp.value", value);
    }

    @Override
    public String asText() {
      return value.toString();
    }
  }

  /** A text value. */
  static AttributeValue of(String value) {
    return new Text(value);
  }

  /** A number value. */
  static AttributeValue of(long value) {
    return new Number(BigDecimal.valueOf(value));
  }

  /** A number value. */
  static AttributeValue of(BigDecimal value) {
    return new Number(value);
  }

  /** A yes/no value. */
  static AttributeValue of(boolean value) {
    return new Flag(value);
  }

  /** A date value. */
  static AttributeValue of(LocalDate value) {
    return new Date(value);
  }

  /** An instant value. */
  static AttributeValue of(Instant value) {
    return new Timestamp(value);
  }
}
