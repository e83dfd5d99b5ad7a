package org.ecrm.core.spi;

import java.util.List;
import java.util.Optional;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.survey.Questionnaire;
import org.ecrm.core.survey.Response;

/** Stores questionnaires (by id and version) and responses (append-only). Thread-safe; each method atomic. */
public interface SurveyStore {

  /**
   * Stores a questionnaire version.
   *
   * @throws org.ecrm.core.model.DuplicateKeyException if that id and version exist
   */
  void putQuestionnaire(Questionnaire questionnaire);

  /** The questionnaire with {@code id} and {@code version}, if stored. */
  Optional<Questionnaire> questionnaire(String id, int version);

  /** Every stored questionnaire version, by id then version. */
  List<Questionnaire> questionnaires();

  /** Appends a response. */
  void appendResponse(Response response);

  /** The responses of a customer, in append order. */
  List<Response> responsesOf(CustomerId customerId);

  /** The responses to one questionnaire version, in append order. */
  List<Response> responsesTo(String questionnaireId, int version);

  /** Moves a customer's responses to another (a merge); returns how many. */
  int reassign(CustomerId from, CustomerId to);

  /** Deletes a customer's responses (an erasure); returns how many. */
  int deleteResponses(CustomerId customerId);
}
