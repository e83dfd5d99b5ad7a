package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.spi.SurveyStore;
import org.ecrm.core.survey.Answer;
import org.ecrm.core.survey.Question;
import org.ecrm.core.survey.Questionnaire;
import org.ecrm.core.survey.Response;
import org.junit.jupiter.api.Test;

/** The contract of {@link SurveyStore}: questionnaire versions, responses in append order, reassign, delete. */
public abstract class SurveyStoreContract extends StoreContractSupport {

  @Test
  void questionnairesAndResponses() {
    SurveyStore store = storage.surveys();
    Questionnaire q1 = Questionnaire.of("nps", "NPS", 1, Question.nps("score", "Recommend us?"),
        Question.freeText("why", "Why?", 100).optional());
    Questionnaire q2 = Questionnaire.of("nps", "NPS", 2, Question.nps("score", "Recommend us?"));
    store.putQuestionnaire(q2);
    store.putQuestionnaire(q1);
    assertThatThrownBy(() -> store.putQuestionnaire(q1)).isInstanceOf(DuplicateKeyException.class);
    assertThat(store.questionnaires()).containsExactly(q1, q2);
    assertThat(store.questionnaire("nps", 1)).contains(q1);
    assertThat(store.questionnaire("nps", 3)).isEmpty();
    Response a = Response.of(q1, CustomerId.of("c1"), T0, Channel.WEB,
        Map.of("score", Answer.scale(9), "why", Answer.text("fast delivery")));
    Response b = Response.of(q1, CustomerId.of("c2"), T0.plusSeconds(5), Channel.EMAIL, Map.of("score", Answer.scale(3)));
    Response c = Response.of(q1, CustomerId.of("c1"), T0.plusSeconds(9), Channel.WEB, Map.of("score", Answer.scale(10)));
    store.appendResponse(a);
    store.appendResponse(b);
    store.appendResponse(c);
    assertThat(store.responsesOf(CustomerId.of("c1"))).containsExactly(a, c);
    assertThat(store.responsesTo("nps", 1)).containsExactly(a, b, c);
    assertThat(store.reassign(CustomerId.of("c2"), CustomerId.of("c1"))).isEqualTo(1);
    assertThat(store.responsesOf(CustomerId.of("c1"))).hasSize(3)
        .allMatch(r -> r.customerId().equals(CustomerId.of("c1")));
    assertThat(store.deleteResponses(CustomerId.of("c1"))).isEqualTo(3);
    assertThat(store.responsesTo("nps", 1)).isEmpty();
  }
}
