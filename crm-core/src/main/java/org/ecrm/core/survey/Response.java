package org.ecrm.core.survey;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;

/**
 * A customer's answers to one version of a questionnaire. The constructor checks only the shape;
 * {@link Questionnaire#validate(Response)} checks the answers against the questions. Immutable and
 * thread-safe.
 *
 * @param questionnaireId the questionnaire's id
 * @param questionnaireVersion the questionnaire version answered
 * @param customerId who answered
 * @param answeredAt when
 * @param channel through which channel
 * @param answers the answers by question id (sorted by id); unanswered questions are absent
 */
public record Response(String questionnaireId, int questionnaireVersion, CustomerId customerId,
    Instant answeredAt, Channel channel, Map<String, Answer> answers) {

  /**
   * Validates the shape.
   *
   * @throws NullPointerException naming the field if one is null
   * @throws IllegalArgumentException naming the field and value for a bad id or version
   */
  public Response {
    questionnaireId = Checks.token("Response.questionnaireId", questionnaireId);
    Checks.positive("Response.questionnaireVersion", questionnaireVersion);
    Checks.notNull("Response.customerId", customerId);
    Checks.notNull("Response.answeredAt", answeredAt);
    Checks.notNull("Response.channel", channel);
    Checks.notNull("Response.answers", answers);
    TreeMap<String, Answer> copy = new TreeMap<>();
    answers.forEach((k, v) -> copy.put(Checks.token("Response.answers key", k),
        Checks.notNull("Response.answers[" + k + "]", v)));
    answers = Collections.unmodifiableSortedMap(copy);
  }

  /** A response to {@code questionnaire} (its id and version). */
  public static Response of(Questionnaire questionnaire, CustomerId customerId, Instant answeredAt,
      Channel channel, Map<String, Answer> answers) {
    Checks.notNull("questionnaire", questionnaire);
    return new Response(questionnaire.id(), questionnaire.version(), customerId, answeredAt, channel, answers);
  }
}
