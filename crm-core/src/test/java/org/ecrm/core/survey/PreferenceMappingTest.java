package org.ecrm.core.survey;

import org.ecrm.core.model.ContactFrequency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;
import org.junit.jupiter.api.Test;

/** Answers mapped to preferences. */
class PreferenceMappingTest {
  static final Questionnaire Q = Questionnaire.of("signup", "Sign-up", 1,
      Question.multipleChoice("interests", "Interests?", "running", "cooking", "travel"),
      Question.singleChoice("contact", "How should we contact you?", "e-mail", "sms", "post").optional(),
      Question.singleChoice("howOften", "How often?", "daily", "weekly", "monthly").optional(),
      Question.yesNo("newsletter", "Newsletter?"),
      Question.nps("recommend", "Recommend us?").optional());

  static final PreferenceMapping MAPPING = PreferenceMapping.builder(Q)
      .topic("interests", "running", "sport")
      .topic("interests", "travel", "travel")
      .topic("interests", "travel", "outdoor")
      .channel("contact", "e-mail", Channel.EMAIL)
      .channel("contact", "sms", Channel.SMS)
      .frequency("howOften", "weekly", ContactFrequency.WEEKLY)
      .frequency("newsletter", "no", ContactFrequency.NEVER)
      .frequency("howOften", "daily", ContactFrequency.DAILY)
      .build();

  static Response response(Map<String, Answer> answers) {
    return Response.of(Q, CustomerId.of("c-9"), Instant.EPOCH, Channel.STORE, answers);
  }

  @Test
  void derive_mapsChosenOptionsToTopicsChannelAndFrequency() {
    StatedPreferences p = MAPPING.derive(response(Map.of("interests", Answer.choices("running", "travel", "cooking"),
        "contact", Answer.choice("sms"), "howOften", Answer.choice("weekly"), "newsletter", Answer.yesNo(true))));
    assertThat(p).isEqualTo(new StatedPreferences(Set.of("outdoor", "sport", "travel"), Optional.of(Channel.SMS),
        Optional.of(ContactFrequency.WEEKLY)));
  }

  @Test
  void derive_firstDeclaredRuleWins_forFrequency() {
    StatedPreferences p = MAPPING.derive(response(Map.of("interests", Answer.choices("cooking"),
        "howOften", Answer.choice("daily"), "newsletter", Answer.yesNo(false))));
    assertThat(p.frequency()).contains(ContactFrequency.NEVER);
    assertThat(p.topics()).isEmpty();
    assertThat(p.preferredChannel()).isEmpty();
  }

  @Test
  void derive_nothingMapped_givesNone() {
    assertThat(MAPPING.derive(response(Map.of("interests", Answer.choices("cooking"),
        "newsletter", Answer.yesNo(true))))).isEqualTo(StatedPreferences.NONE);
  }

  @Test
  void derive_invalidResponse_throws() {
    assertThatThrownBy(() -> MAPPING.derive(response(Map.of("interests", Answer.choices("golf"),
        "newsletter", Answer.yesNo(true))))).isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("Questionnaire[signup@1].answers[interests]: option not allowed 'golf'");
  }

  @Test
  void updatedBy_unionsTopicsAndNewerChannelWins() {
    StatedPreferences stored = new StatedPreferences(Set.of("books"), Optional.of(Channel.POST), Optional.of(ContactFrequency.MONTHLY));
    StatedPreferences derived = new StatedPreferences(Set.of("sport"), Optional.of(Channel.EMAIL), Optional.empty());
    assertThat(stored.updatedBy(derived)).isEqualTo(new StatedPreferences(Set.of("books", "sport"),
        Optional.of(Channel.EMAIL), Optional.of(ContactFrequency.MONTHLY)));
  }

  @Test
  void builder_badRules_failNamingTheArgument() {
    PreferenceMapping.Builder b = PreferenceMapping.builder(Q);
    assertThatThrownBy(() -> b.topic("shoe", "x", "t"))
        .hasMessage("PreferenceMapping[signup@1].questionId: unknown question 'shoe'");
    assertThatThrownBy(() -> b.topic("recommend", "10", "t"))
        .hasMessage("PreferenceMapping[signup@1].questionId: only choice and yes/no questions can be mapped, "
            + "not SCALE 'recommend'");
    assertThatThrownBy(() -> b.channel("contact", "fax", Channel.POST))
        .hasMessage("PreferenceMapping[signup@1][contact].option: not an option of the question "
            + "[e-mail, sms, post] 'fax'");
    assertThatThrownBy(() -> b.topic("interests", "running", "not a token"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("topic: ");
    b.topic("interests", "running", "sport");
    assertThatThrownBy(() -> b.topic("interests", "running", "sport"))
        .hasMessage("PreferenceMapping[signup@1][interests].option: rule declared twice 'running -> sport'");
    assertThatThrownBy(() -> b.frequency("newsletter", "no", null)).isInstanceOf(NullPointerException.class)
        .hasMessage("frequency must not be null");
  }
}
