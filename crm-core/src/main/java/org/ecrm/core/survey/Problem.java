package org.ecrm.core.survey;

import org.ecrm.core.internal.check.Checks;

/**
 * One thing wrong with a {@link Response}, found by {@link Questionnaire#validate(Response)}.
 * Immutable and thread-safe.
 *
 * @param questionnaireId the questionnaire checked against
 * @param questionnaireVersion its version
 * @param questionId the question concerned; empty for {@link Kind#WRONG_QUESTIONNAIRE}
 * @param kind what is wrong
 * @param value the offending value as text (empty for a missing answer)
 */
public record Problem(String questionnaireId, int questionnaireVersion, String questionId, Kind kind,
    String value) {

  /** What is wrong with an answer. */
  public enum Kind {
    /** The response names another questionnaire id or version. */
    WRONG_QUESTIONNAIRE("response to another questionnaire or version"),
    /** The response answers a question the questionnaire does not have. */
    UNKNOWN_QUESTION("unknown question"),
    /** The answer's type does not fit the question type. */
    WRONG_TYPE("wrong answer type"),
    /** A required question is unanswered (or answered with no option / empty text). */
    MISSING_REQUIRED_ANSWER("missing required answer"),
    /** A chosen option is not among the question's options. */
    OPTION_NOT_ALLOWED("option not allowed"),
    /** A scale point or number is outside the question's bounds. */
    OUT_OF_RANGE("value out of range"),
    /** A free-text answer is longer than the question allows. */
    TEXT_TOO_LONG("text too long");

    private final String reason;

    Kind(String reason) {
      this.reason = reason;
    }

    /** The reason as it appears in messages, e.g. {@code "option not allowed"}. */
    public String reason() {
      return reason;
    }
  }

  /** Checks the fields are present. */
  public Problem {
    Checks.notNull("Problem.questionnaireId", questionnaireId);
    Checks.notNull("Problem.questionId", questionId);
    Checks.notNull("Problem.kind", kind);
    Checks.notNull("Problem.value", value);
  }

  /**
   * The message, e.g. {@code Questionnaire[prefs@2].answers[colour]: option not allowed 'purple'}.
   */
  public String message() {
    return "Questionnaire[" + questionnaireId + "@" + questionnaireVersion + "].answers"
        + (questionId.isEmpty() ? "" : "[" + questionId + "]") + ": " + kind.reason() + " '" + value + "'";
  }

  @Override
  public String toString() {
    return message();
  }
}
