package org.ecrm.core.internal;

import java.util.List;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.service.Customers;
import org.ecrm.core.service.PreferenceCentre;
import org.ecrm.core.spi.SurveyStore;
import org.ecrm.core.survey.AnswerStatistics;
import org.ecrm.core.survey.PreferenceMapping;
import org.ecrm.core.survey.Questionnaire;
import org.ecrm.core.survey.Response;
import org.ecrm.core.survey.StatedPreferences;
import org.ecrm.core.survey.Surveys;

/** {@link Surveys} over a {@link SurveyStore}. Thread-safe. */
public final class SurveyService implements Surveys {
  private final SurveyStore store;
  private final Customers customers;
  private final PreferenceCentre preferences;

  /** @param ctx context @param customers resolves customers @param preferences the preference centre */
  public SurveyService(CrmContext ctx, Customers customers, PreferenceCentre preferences) {
    this.store = ctx.storage().surveys();
    this.customers = customers;
    this.preferences = preferences;
  }

  @Override
  public Questionnaire define(Questionnaire questionnaire) {
    store.putQuestionnaire(Checks.notNull("questionnaire", questionnaire));
    return questionnaire;
  }

  private Questionnaire questionnaire(String id, int version) {
    return store.questionnaire(id, version)
        .orElseThrow(() -> new NotFoundException("Questionnaire", id + "@" + version));
  }

  @Override
  public Response record(Response response) {
    Checks.notNull("response", response);
    CustomerId id = customers.require(response.customerId()).id();
    Response checked = questionnaire(response.questionnaireId(), response.questionnaireVersion()).check(response);
    Response stored = id.equals(checked.customerId()) ? checked : new Response(checked.questionnaireId(),
        checked.questionnaireVersion(), id, checked.answeredAt(), checked.channel(), checked.answers());
    store.appendResponse(stored);
    return stored;
  }

  @Override
  public Response record(Response response, PreferenceMapping mapping) {
    Checks.notNull("mapping", mapping);
    Questionnaire q = mapping.questionnaire();
    if (!q.id().equals(response.questionnaireId()) || q.version() != response.questionnaireVersion()) {
      throw Checks.invalid("mapping", "is for " + q.id() + "@" + q.version() + ", the response answers "
          + response.questionnaireId() + "@" + response.questionnaireVersion(), q.id());
    }
    Response stored = record(response);
    StatedPreferences stated = mapping.derive(stored);
    if (!stated.equals(StatedPreferences.NONE)) {
      preferences.update(stored.customerId(), stated::applyTo, "questionnaire:" + q.id());
    }
    return stored;
  }

  @Override
  public List<Response> responsesOf(CustomerId customerId) {
    return store.responsesOf(customers.require(customerId).id());
  }

  @Override
  public AnswerStatistics statistics(String questionnaireId, int version) {
    return AnswerStatistics.of(questionnaire(questionnaireId, version), store.responsesTo(questionnaireId, version));
  }
}
