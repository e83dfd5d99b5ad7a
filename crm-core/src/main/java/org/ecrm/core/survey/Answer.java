package org.ecrm.core.survey;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ecrm.core.internal.check.Checks;

/**
 * A typed answer to one {@link Question}. Each variant matches one {@link QuestionType}; whether the
 * value is allowed (an option, a range, a length) is checked against the question by
 * {@link Questionnaire#validate(Response)}, not here. Immutable and thread-safe.
 */
public sealed interface Answer {

  /** The chosen option of a {@link QuestionType#SINGLE_CHOICE} question. */
  static Choice choice(String option) {
    return new Choice(option);
  }

  /** The chosen options of a {@link QuestionType#MULTIPLE_CHOICE} question (possibly none). */
  static Choices choices(String... options) {
    return choices(Arrays.asList(Checks.notNull("Answer.Choices.options", options)));
  }

  /** The chosen options of a {@link QuestionType#MULTIPLE_CHOICE} question (possibly none). */
  static Choices choices(Collection<String> options) {
    return new Choices(new LinkedHashSet<>(Checks.notNull("Answer.Choices.options", options)));
  }

  /** A point on a {@link QuestionType#SCALE} question. */
  static Scale scale(int value) {
    return new Scale(value);
  }

  /** A value for a {@link QuestionType#NUMBER} question. */
  static Numeric number(double value) {
    return new Numeric(value);
  }

  /** Text for a {@link QuestionType#FREE_TEXT} question. */
  static Text text(String value) {
    return new Text(value);
  }

  /** {@code yes} or {@code no} for a {@link QuestionType#YES_NO} question. */
  static YesNo yesNo(boolean yes) {
    return new YesNo(yes);
  }

  /** The value as it appears in validation messages. */
  String display();

  /**
   * One chosen option.
   *
   * @param option the option, stripped and non-blank
   */
  record Choice(String option) implements Answer {
    /** @throws IllegalArgumentException if the option is blank */
    public Choice {
      option = Checks.id("Answer.Choice.option", option);
    }

    @Override
    public String display() {
      return option;
    }
  }

  /**
   * Several chosen options, sorted, no duplicates; empty means "none of them".
   *
   * @param options the options, each stripped and non-blank
   */
  record Choices(Set<String> options) implements Answer {
    /** @throws IllegalArgumentException if an option is blank */
    public Choices {
      Checks.notNull("Answer.Choices.options", options);
      TreeSet<String> sorted = new TreeSet<>();
      for (String o : options) {
        sorted.add(Checks.id("Answer.Choices.options", o));
      }
      options = Collections.unmodifiableSortedSet(sorted);
    }

    @Override
    public String display() {
      return List.copyOf(options).toString();
    }
  }

  /**
   * A point on a scale.
   *
   * @param value the point
   */
  record Scale(int value) implements Answer {
    @Override
    public String display() {
      return Integer.toString(value);
    }
  }

  /**
   * A number.
   *
   * @param value a finite number
   */
  record Numeric(double value) implements Answer {
    /** @throws IllegalArgumentException if the value is NaN or infinite */
    public Numeric {
      if (!Double.isFinite(value)) {
        throw Checks.invalid("Answer.Numeric.value", "must be a finite number", value);
      }
    }

    @Override
    public String display() {
      return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
          : Double.toString(value);
    }
  }

  /**
   * Free text.
   *
   * @param value the text, stripped; at most 65,536 characters (the question may allow fewer)
   */
  record Text(String value) implements Answer {
    /** @throws IllegalArgumentException if the text is longer than 65,536 characters */
    public Text {
      value = Checks.text("Answer.Text.value", value);
    }

    @Override
    public String display() {
      return Checks.abbreviate(value);
    }
  }

  /**
   * Yes or no.
   *
   * @param yes {@code true} for yes
   */
  record YesNo(boolean yes) implements Answer {
    @Override
    public String display() {
      return yes ? "yes" : "no";
    }
  }
}
