package org.ecrm.core.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ContactFrequency;
import org.jspecify.annotations.Nullable;

/**
 * Declares how answers to one questionnaire become {@link StatedPreferences}: "question X, option Y → topic
 * Z", "→ preferred channel C" or "→ contact frequency F". An option is one of a choice question's
 * options, or {@code "yes"} / {@code "no"} for a yes/no question. {@link #derive(Response)} is a pure
 * function from a response to the preferences it states.
 *
 * <pre>{@code
 * PreferenceMapping mapping = PreferenceMapping.builder(questionnaire)
 *     .topic("interests", "running", "sport")
 *     .channel("contact", "e-mail", Channel.EMAIL)
 *     .frequency("how-often", "weekly", ContactFrequency.WEEKLY)
 *     .frequency("newsletter", "no", ContactFrequency.NEVER)
 *     .build();
 * StatedPreferences p = mapping.derive(response);
 * }</pre>
 *
 * <p>Topics of every matching rule are unioned. When several channel (or frequency) rules match, the one
 * declared first wins. Immutable and thread-safe.
 */
public final class PreferenceMapping {
  private enum Target { TOPIC, CHANNEL, FREQUENCY }

  private record Rule(String questionId, String option, Target target, Object value) {}

  private final Questionnaire questionnaire;
  private final List<Rule> rules;

  private PreferenceMapping(Questionnaire questionnaire, List<Rule> rules) {
    this.questionnaire = questionnaire;
    this.rules = List.copyOf(rules);
  }

  /** A builder for a mapping of answers to {@code questionnaire}. */
  public static Builder builder(Questionnaire questionnaire) {
    return new Builder(Checks.notNull("questionnaire", questionnaire));
  }

  /** The questionnaire whose answers are mapped. */
  public Questionnaire questionnaire() {
    return questionnaire;
  }

  /**
   * The preferences {@code response} states through the mapped answers; {@link StatedPreferences#NONE} if no
   * rule matches. Combine with stored preferences by {@link StatedPreferences#updatedBy(StatedPreferences)}.
   *
   * @throws InvalidResponseException if the response is not a valid response to the questionnaire
   */
  public StatedPreferences derive(Response response) {
    questionnaire.check(response);
    TreeSet<String> topics = new TreeSet<>();
    @Nullable Channel channel = null;
    @Nullable ContactFrequency frequency = null;
    for (Rule r : rules) {
      if (!chosen(response.answers().get(r.questionId), r.option)) {
        continue;
      }
      switch (r.target) {
        case TOPIC -> topics.add((String) r.value);
        case CHANNEL -> channel = channel == null ? (Channel) r.value : channel;
        case FREQUENCY -> frequency = frequency == null ? (ContactFrequency) r.value : frequency;
      }
    }
    return new StatedPreferences(topics, Optional.ofNullable(channel), Optional.ofNullable(frequency));
  }

  private static boolean chosen(@Nullable Answer a, String option) {
    if (a instanceof Answer.Choice c) {
      return c.option().equals(option);
    }
    if (a instanceof Answer.Choices cs) {
      return cs.options().contains(option);
    }
    if (a instanceof Answer.YesNo y) {
      return y.display().equals(option);
    }
    return false;
  }

  /** Collects rules; each is checked against the questionnaire at once. Not thread-safe. */
  public static final class Builder {
    private final Questionnaire questionnaire;
    private final List<Rule> rules = new ArrayList<>();

    private Builder(Questionnaire questionnaire) {
      this.questionnaire = questionnaire;
    }

    /**
     * Choosing {@code option} of {@code questionId} adds {@code topic}.
     *
     * @throws IllegalArgumentException naming the argument for an unknown question, a question that is
     *     not choice or yes/no, an option the question does not have, a topic that is not a token, or
     *     the same rule twice
     */
    public Builder topic(String questionId, String option, String topic) {
      return add(questionId, option, Target.TOPIC, Checks.token("topic", topic));
    }

    /**
     * Choosing {@code option} of {@code questionId} sets the preferred channel.
     *
     * @throws IllegalArgumentException as for {@link #topic}
     */
    public Builder channel(String questionId, String option, Channel channel) {
      return add(questionId, option, Target.CHANNEL, Checks.notNull("channel", channel));
    }

    /**
     * Choosing {@code option} of {@code questionId} sets the contact frequency.
     *
     * @throws IllegalArgumentException as for {@link #topic}
     */
    public Builder frequency(String questionId, String option, ContactFrequency frequency) {
      return add(questionId, option, Target.FREQUENCY, Checks.notNull("frequency", frequency));
    }

    private Builder add(String questionId, String option, Target target, Object value) {
      Checks.notNull("questionId", questionId);
      Checks.notNull("option", option);
      String where = "PreferenceMapping[" + questionnaire.id() + "@" + questionnaire.version() + "]";
      Question q = questionnaire.question(questionId).orElseThrow(() ->
          Checks.invalid(where + ".questionId", "unknown question", questionId));
      List<String> allowed = switch (q.type()) {
        case SINGLE_CHOICE, MULTIPLE_CHOICE -> q.options();
        case YES_NO -> List.of("yes", "no");
        default -> throw Checks.invalid(where + ".questionId",
            "only choice and yes/no questions can be mapped, not " + q.type(), questionId);
      };
      if (!allowed.contains(option)) {
        throw Checks.invalid(where + "[" + questionId + "].option", "not an option of the question " + allowed,
            option);
      }
      Rule rule = new Rule(questionId, option, target, value);
      if (rules.contains(rule)) {
        throw Checks.invalid(where + "[" + questionId + "].option", "rule declared twice", option + " -> " + value);
      }
      rules.add(rule);
      return this;
    }

    /** The mapping (it may have no rules; it then derives {@link StatedPreferences#NONE}). */
    public PreferenceMapping build() {
      return new PreferenceMapping(questionnaire, rules);
    }
  }
}
