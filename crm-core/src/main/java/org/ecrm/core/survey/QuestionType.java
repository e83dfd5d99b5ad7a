package org.ecrm.core.survey;

/** The kind of a {@link Question}, which fixes the {@link Answer} type it accepts. */
public enum QuestionType {
  /** One option out of a list; answered with {@link Answer.Choice}. */
  SINGLE_CHOICE,
  /** Any number of options out of a list; answered with {@link Answer.Choices}. */
  MULTIPLE_CHOICE,
  /** An integer on a scale {@code min..max} (1..N, or 0..10 for NPS); answered with {@link Answer.Scale}. */
  SCALE,
  /** A finite number, optionally bounded; answered with {@link Answer.Numeric}. */
  NUMBER,
  /** Free text up to a maximum length; answered with {@link Answer.Text}. */
  FREE_TEXT,
  /** Yes or no; answered with {@link Answer.YesNo}. */
  YES_NO;

  /** The answer type this question type accepts. */
  public Class<? extends Answer> answerType() {
    return switch (this) {
      case SINGLE_CHOICE -> Answer.Choice.class;
      case MULTIPLE_CHOICE -> Answer.Choices.class;
      case SCALE -> Answer.Scale.class;
      case NUMBER -> Answer.Numeric.class;
      case FREE_TEXT -> Answer.Text.class;
      case YES_NO -> Answer.YesNo.class;
    };
  }
}
