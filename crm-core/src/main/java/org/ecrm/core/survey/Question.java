package org.ecrm.core.survey;

import java.util.List;
import org.ecrm.core.internal.check.Checks;

/**
 * One question of a {@link Questionnaire}. Build one with the factories ({@link #singleChoice},
 * {@link #scale}, {@link #nps}, ...) and make it optional with {@link #optional()}; questions are required
 * by default. The canonical constructor checks that the fields fit the type. Immutable and thread-safe.
 *
 * @param id the question's id, a token unique within its questionnaire
 * @param text the question as shown to the customer, non-blank
 * @param type the question type
 * @param required whether a response must answer it
 * @param options the allowed options of a choice question, in display order, no duplicates; empty for
 *     other types
 * @param min the lowest allowed value of a scale (0 or 1) or number question
 *     ({@link Double#NEGATIVE_INFINITY} for an unbounded number); 0 for other types
 * @param max the highest allowed value of a scale ({@code min + 1 .. 100}) or number question
 *     ({@link Double#POSITIVE_INFINITY} for an unbounded number); 0 for other types
 * @param maxLength the longest allowed free-text answer (1 .. 65,536); 0 for other types
 */
public record Question(String id, String text, QuestionType type, boolean required, List<String> options,
    double min, double max, int maxLength) {

  /** The largest top of a scale. */
  public static final int MAX_SCALE = 100;

  /**
   * Validates the question.
   *
   * @throws NullPointerException naming the field if one is null
   * @throws IllegalArgumentException naming the question, the field and the value: a choice question
   *     without options or with a duplicate or blank option, options on a non-choice question, bad scale
   *     or number bounds, a bad maximum length
   */
  public Question {
    id = Checks.token("Question.id", id);
    String where = "Question[" + id + "]";
    text = Checks.line(where + ".text", text);
    if (text.isEmpty()) {
      throw Checks.invalid(where + ".text", "must not be blank", text);
    }
    Checks.notNull(where + ".type", type);
    Checks.notNull(where + ".options", options);
    List<String> opts = Checks.list(where + ".options", options).stream()
        .map(o -> Checks.id(where + ".options", o)).toList();
    if (opts.stream().distinct().count() != opts.size()) {
      throw Checks.invalid(where + ".options", "duplicate option", opts);
    }
    options = opts;
    boolean choice = type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE;
    if (choice && options.isEmpty()) {
      throw Checks.invalid(where + ".options", "a " + type + " question needs at least one option", options);
    }
    if (!choice && !options.isEmpty()) {
      throw Checks.invalid(where + ".options", "a " + type + " question takes no options", options);
    }
    switch (type) {
      case SCALE -> {
        if (min != 0 && min != 1) {
          throw Checks.invalid(where + ".min", "a scale must start at 0 or 1", fmt(min));
        }
        if (max != Math.rint(max) || max <= min || max > MAX_SCALE) {
          throw Checks.invalid(where + ".max", "a scale must end at an integer in " + (int) (min + 1) + ".."
              + MAX_SCALE, fmt(max));
        }
      }
      case NUMBER -> {
        if (Double.isNaN(min) || min == Double.POSITIVE_INFINITY) {
          throw Checks.invalid(where + ".min", "must be a number or -Infinity", min);
        }
        if (Double.isNaN(max) || max == Double.NEGATIVE_INFINITY) {
          throw Checks.invalid(where + ".max", "must be a number or Infinity", max);
        }
        if (min > max) {
          throw Checks.invalid(where + ".max", "is below min " + fmt(min), fmt(max));
        }
      }
      default -> {
        if (min != 0 || max != 0) {
          throw Checks.invalid(where + ".min", "a " + type + " question takes no bounds", fmt(min) + ".." + fmt(max));
        }
      }
    }
    if (type == QuestionType.FREE_TEXT) {
      if (maxLength < 1 || maxLength > Checks.MAX_TEXT_LENGTH) {
        throw Checks.invalid(where + ".maxLength", "must be in 1.." + Checks.MAX_TEXT_LENGTH, maxLength);
      }
    } else if (maxLength != 0) {
      throw Checks.invalid(where + ".maxLength", "a " + type + " question takes no maximum length", maxLength);
    }
  }

  /** A required single-choice question. */
  public static Question singleChoice(String id, String text, String... options) {
    return new Question(id, text, QuestionType.SINGLE_CHOICE, true, List.of(options), 0, 0, 0);
  }

  /** A required multiple-choice question. */
  public static Question multipleChoice(String id, String text, String... options) {
    return new Question(id, text, QuestionType.MULTIPLE_CHOICE, true, List.of(options), 0, 0, 0);
  }

  /** A required scale question from {@code min} (0 or 1) to {@code max} ({@code min+1 .. 100}). */
  public static Question scale(String id, String text, int min, int max) {
    return new Question(id, text, QuestionType.SCALE, true, List.of(), min, max, 0);
  }

  /** A required 0..10 scale question, the "how likely are you to recommend us" question of NPS. */
  public static Question nps(String id, String text) {
    return scale(id, text, 0, 10);
  }

  /** A required number question with inclusive bounds (use infinities for none). */
  public static Question number(String id, String text, double min, double max) {
    return new Question(id, text, QuestionType.NUMBER, true, List.of(), min, max, 0);
  }

  /** A required, unbounded number question. */
  public static Question number(String id, String text) {
    return number(id, text, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** A required free-text question accepting at most {@code maxLength} characters. */
  public static Question freeText(String id, String text, int maxLength) {
    return new Question(id, text, QuestionType.FREE_TEXT, true, List.of(), 0, 0, maxLength);
  }

  /** A required yes/no question. */
  public static Question yesNo(String id, String text) {
    return new Question(id, text, QuestionType.YES_NO, true, List.of(), 0, 0, 0);
  }

  /** A copy of this question that responses may leave unanswered. */
  public Question optional() {
    return new Question(id, text, type, false, options, min, max, maxLength);
  }

  /** Whether this is a 0..10 scale, whose answers give a Net Promoter Score. */
  public boolean isNps() {
    return type == QuestionType.SCALE && min == 0 && max == 10;
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
