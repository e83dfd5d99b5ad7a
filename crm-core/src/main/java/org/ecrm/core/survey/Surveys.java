package org.ecrm.core.survey;

import java.util.List;
import org.ecrm.core.model.CustomerId;

/**
 * Active collection: questionnaires, validated responses kept with time and channel, answer
 * statistics, and preferences derived from answers into the preference centre. Thread-safe.
 */
public interface Surveys {

  /**
   * Stores a questionnaire version.
   *
   * @throws org.ecrm.core.model.DuplicateKeyException if that id and version exist
   */
  Questionnaire define(Questionnaire questionnaire);

  /**
   * Records a response after validating it against its questionnaire version.
   *
   * @throws org.ecrm.core.model.NotFoundException if the customer or the questionnaire version does not exist
   * @throws InvalidResponseException listing every problem (unknown question, wrong type, missing
   *     required answer, option not allowed, out of range, too long); nothing is stored
   */
  Response record(Response response);

  /**
   * Records a response and merges the preferences it states (by {@code mapping}) into the customer's
   * preference centre, as one preference change with source {@code questionnaire:<id>}.
   *
   * @throws IllegalArgumentException if the mapping is for another questionnaire version
   */
  Response record(Response response, PreferenceMapping mapping);

  /** The responses of a customer, oldest first. */
  List<Response> responsesOf(CustomerId customerId);

  /**
   * Per-question statistics (counts per option, mean/median, yes/no, NPS) over the responses to one
   * questionnaire version.
   *
   * @throws org.ecrm.core.model.NotFoundException if the questionnaire version does not exist
   */
  AnswerStatistics statistics(String questionnaireId, int version);
}
