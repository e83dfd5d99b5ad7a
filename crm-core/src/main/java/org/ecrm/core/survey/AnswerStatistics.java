package org.ecrm.core.survey;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecrm.core.internal.check.Checks;

/**
 * Answers to a questionnaire aggregated per question: counts per option, yes/no counts, mean and median
 * of scales and numbers, answered/skipped counts and the NPS of 0..10 questions. Immutable and
 * thread-safe.
 *
 * <p>Cost: one pass over the responses plus sorting the numeric answers of each question for the
 * median, {@code O(r·q + a log a)} for {@code r} responses, {@code q} questions and {@code a} numeric
 * answers; memory holds the numeric answers of one question at a time.
 *
 * @param questionnaireId the questionnaire
 * @param questionnaireVersion its version
 * @param responses how many responses were aggregated
 * @param questions the statistics per question id, in question order
 */
public record AnswerStatistics(String questionnaireId, int questionnaireVersion, long responses,
    Map<String, QuestionStatistics> questions) {

  /** Checks for nulls and copies the map. */
  public AnswerStatistics {
    Checks.notNull("AnswerStatistics.questionnaireId", questionnaireId);
    questions = Collections.unmodifiableMap(new LinkedHashMap<>(
        Checks.notNull("AnswerStatistics.questions", questions)));
  }

  /**
   * Aggregates {@code responses}, which must all be valid responses to {@code questionnaire}.
   *
   * @throws InvalidResponseException for the first response that does not validate against the
   *     questionnaire (another questionnaire or version included), listing its problems
   */
  public static AnswerStatistics of(Questionnaire questionnaire, Collection<Response> responses) {
    Checks.notNull("questionnaire", questionnaire);
    List<Response> list = Checks.list("responses", responses);
    for (Response r : list) {
      questionnaire.check(r);
    }
    Map<String, QuestionStatistics> stats = new LinkedHashMap<>();
    for (Question q : questionnaire.questions()) {
      stats.put(q.id(), aggregate(q, list));
    }
    return new AnswerStatistics(questionnaire.id(), questionnaire.version(), list.size(), stats);
  }

  /** The statistics of {@code questionId}, if the questionnaire has it. */
  public Optional<QuestionStatistics> question(String questionId) {
    return Optional.ofNullable(questions.get(questionId));
  }

  private static QuestionStatistics aggregate(Question q, List<Response> responses) {
    long answered = 0;
    long yes = 0;
    long no = 0;
    Map<String, Long> counts = new LinkedHashMap<>();
    q.options().forEach(o -> counts.put(o, 0L));
    double[] values = new double[responses.size()];
    int n = 0;
    for (Response r : responses) {
      Answer a = r.answers().get(q.id());
      if (a == null) {
        continue;
      }
      answered++;
      if (a instanceof Answer.Choice c) {
        counts.merge(c.option(), 1L, Long::sum);
      } else if (a instanceof Answer.Choices cs) {
        cs.options().forEach(o -> counts.merge(o, 1L, Long::sum));
      } else if (a instanceof Answer.Scale s) {
        values[n++] = s.value();
      } else if (a instanceof Answer.Numeric num) {
        values[n++] = num.value();
      } else if (a instanceof Answer.YesNo y) {
        if (y.yes()) {
          yes++;
        } else {
          no++;
        }
      }
    }
    OptionalDouble mean = OptionalDouble.empty();
    OptionalDouble median = OptionalDouble.empty();
    OptionalDouble nps = OptionalDouble.empty();
    if (n > 0) {
      double[] v = Arrays.copyOf(values, n);
      Arrays.sort(v);
      double sum = 0;
      long promoters = 0;
      long detractors = 0;
      for (double d : v) {
        sum += d;
        if (d >= 9) {
          promoters++;
        } else if (d <= 6) {
          detractors++;
        }
      }
      mean = OptionalDouble.of(sum / n);
      median = OptionalDouble.of(n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
      if (q.isNps()) {
        nps = OptionalDouble.of(100.0 * (promoters - detractors) / n);
      }
    }
    return new QuestionStatistics(q.id(), q.type(), answered, responses.size() - answered, counts, yes, no,
        mean, median, nps);
  }
}
