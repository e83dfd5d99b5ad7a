package org.ecrm.core.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ContactFrequency;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.service.TimelineEntry;
import org.ecrm.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/** Questionnaires through the facade: storage, validation, statistics, preferences, timeline, merge, erase. */
class SurveysTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
  private final Crm crm = Crm.builder().clock(clock).discoverStorage(false).build();
  private final Questionnaire q = crm.surveys().define(Questionnaire.of("onboarding", "Welcome", 1,
      Question.multipleChoice("interests", "What do you like?", "running", "books", "travel"),
      Question.singleChoice("contact", "How should we reach you?", "e-mail", "sms"),
      Question.nps("nps", "Would you recommend us?"),
      Question.freeText("comment", "Anything else?", 200).optional()));
  private final PreferenceMapping mapping = PreferenceMapping.builder(q)
      .topic("interests", "running", "sport").topic("interests", "books", "books")
      .channel("contact", "sms", Channel.SMS).channel("contact", "e-mail", Channel.EMAIL).build();
  private final Customer ada = crm.customers().create(Customer.builder().email("ada@example.com"));
  private final Customer bob = crm.customers().create(Customer.builder().email("bob@example.com"));

  private Response answer(Customer c, int nps, String comment, String... interests) {
    Map<String, Answer> a = new java.util.HashMap<>(Map.of("interests", Answer.choices(interests),
        "contact", Answer.choice("sms"), "nps", Answer.scale(nps)));
    if (!comment.isEmpty()) {
      a.put("comment", Answer.text(comment));
    }
    return Response.of(q, c.id(), clock.instant(), Channel.WEB, a);
  }

  @Test
  void record_validatesStoresAndFeedsThePreferenceCentreAndTimeline() {
    crm.surveys().record(answer(ada, 10, "Lovely shop", "running", "books"), mapping);
    var prefs = crm.preferences().get(ada.id());
    assertThat(prefs.topics()).containsExactly("books", "sport");
    assertThat(prefs.preferredChannel()).contains(Channel.SMS);
    assertThat(prefs.frequency()).isEqualTo(ContactFrequency.UNSPECIFIED);
    assertThat(prefs.source()).isEqualTo("questionnaire:onboarding");
    assertThat(crm.surveys().responsesOf(ada.id())).hasSize(1);
    assertThat(crm.timeline(ada.id())).extracting(e -> e.getClass().getSimpleName())
        .contains("QuestionnaireAnswered", "PreferencesChanged");
  }

  @Test
  void record_badResponse_listsEveryProblem_andStoresNothing() {
    Response bad = Response.of(q, ada.id(), clock.instant(), Channel.EMAIL, Map.of(
        "interests", Answer.choices("golf"), "nps", Answer.scale(11), "colour", Answer.text("red")));
    assertThatThrownBy(() -> crm.surveys().record(bad)).isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("interests").hasMessageContaining("golf").hasMessageContaining("nps")
        .hasMessageContaining("11").hasMessageContaining("colour").hasMessageContaining("contact");
    assertThat(crm.surveys().responsesOf(ada.id())).isEmpty();
    assertThatThrownBy(() -> crm.surveys().record(Response.of(q, CustomerId.of("ghost"), clock.instant(),
        Channel.WEB, Map.of()))).isInstanceOf(NotFoundException.class);
    Questionnaire other = Questionnaire.of("other", "x", 2, Question.yesNo("ok", "ok?"));
    assertThatThrownBy(() -> crm.surveys().record(Response.of(other, ada.id(), clock.instant(), Channel.WEB,
        Map.of("ok", Answer.yesNo(true))))).isInstanceOf(NotFoundException.class).hasMessageContaining("other@2");
    assertThatThrownBy(() -> crm.surveys().define(q)).isInstanceOf(org.ecrm.core.model.DuplicateKeyException.class);
  }

  @Test
  void statistics_giveCountsAndNps() {
    crm.surveys().record(answer(ada, 10, "", "running"));
    crm.surveys().record(answer(bob, 6, "", "running", "travel"));
    crm.surveys().record(answer(ada, 9, "", "books"));
    AnswerStatistics stats = crm.surveys().statistics("onboarding", 1);
    assertThat(stats.responses()).isEqualTo(3);
    QuestionStatistics nps = stats.question("nps").orElseThrow();
    assertThat(nps.nps().getAsDouble()).isCloseTo(100.0 * (2 - 1) / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(stats.question("interests").orElseThrow().optionCounts()).containsEntry("running", 2L)
        .containsEntry("travel", 1L);
  }

  @Test
  void mergeMovesResponses_eraseDeletesThem_archiveRoundTrips() throws Exception {
    crm.surveys().record(answer(bob, 7, "Bob's secret comment", "travel"));
    crm.customers().merge(ada.id(), bob.id());
    assertThat(crm.surveys().responsesOf(ada.id())).hasSize(1);
    StringWriter out = new StringWriter();
    crm.archive().exportAll(out);
    assertThat(out.toString()).contains("\"type\":\"questionnaire\"").contains("Bob's secret comment");
    Crm copy = Crm.builder().discoverStorage(false).build();
    assertThat(copy.archive().importAll(new StringReader(out.toString())).rejected()).isEmpty();
    StringWriter again = new StringWriter();
    copy.archive().exportAll(again);
    assertThat(again.toString()).isEqualTo(out.toString());
    crm.privacy().erase(ada.id());
    StringWriter after = new StringWriter();
    crm.archive().exportAll(after);
    assertThat(after.toString()).doesNotContain("Bob's secret comment");
    assertThat(crm.surveys().statistics("onboarding", 1).responses()).isZero();
    assertThat(List.of(TimelineEntry.class)).isNotEmpty();
  }
}
