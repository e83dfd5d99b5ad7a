package org.ecrm.core.survey;

import java.util.Map;
import java.util.OptionalDouble;
import org.ecrm.core.internal.check.Checks;

/**
 * Aggregated answers to one question, part of {@link AnswerStatistics}. Fields that do not apply to the
 * question type are zero, empty maps or empty optionals. Immutable and thread-safe.
 *
 * @param questionId the question
 * @param type its type
 * @param answered how many responses answer it
 * @param skipped how many responses leave it unanswered
 * @param optionCounts for choice questions: how often each option was chosen, every option listed (0
 *     included), in option order; a multiple-choice response counts once per chosen option
 * @param yes for yes/no questions: how many answered yes
 * @param no for yes/no questions: how many answered no
 * @param mean for scale and number questions: the arithmetic mean of the answers, empty if none
 * @param median for scale and number questions: the median (mean of the two middle values for an even
 *     count), empty if none
 * @param nps for 0..10 scale questions: the Net Promoter Score, the percentage of promoters (9–10) minus
 *     the percentage of detractors (0–6) among the answers, in -100..100; empty if none or not 0..10
 */
public record QuestionStatistics(String questionId, QuestionType type, long answered, long skipped,
    Map<String, Long> optionCounts, long yes, long no, OptionalDouble mean, OptionalDouble median,
    OptionalDouble nps) {

  /** Checks for nulls and copies the map. */
  public QuestionStatistics {
    Checks.notNull("QuestionStatistics.questionId", questionId);
    Checks.notNull("QuestionStatistics.type", type);
    Checks.notNull("QuestionStatistics.optionCounts", optionCounts);
    optionCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(optionCounts));
    Checks.notNull("QuestionStatistics.mean", mean);
    Checks.notNull("QuestionStatistics.median", median);
    Checks.notNull("QuestionStatistics.nps", nps);
  }
}
