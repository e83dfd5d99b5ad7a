package org.ecrm.core.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ecrm.core.internal.check.Checks;

/**
 * A customer's stated preferences, kept by the preference centre: topics of interest, channels in
 * order of preference, contact frequency, language and time zone. Immutable and thread-safe.
 *
 * @param customerId whose preferences
 * @param topics topics of interest (tokens), sorted
 * @param channels preferred channels, most preferred first; empty when not stated
 * @param frequency how often the customer wants to be contacted
 * @param language a BCP 47 language tag such as {@code "en-GB"}, or {@code ""} when not stated
 * @param timeZone the customer's time zone (for quiet hours), UTC when not stated
 * @param source where the last change came from (a form, a questionnaire), may be empty
 * @param updatedAt when they last changed
 */
public record Preferences(CustomerId customerId, Set<String> topics, List<Channel> channels,
    ContactFrequency frequency, String language, ZoneId timeZone, String source, Instant updatedAt) {

  /**
   * Validates every field.
   *
   * @throws IllegalArgumentException naming the field for a bad topic or language tag
   */
  public Preferences {
    Checks.notNull("Preferences.customerId", customerId);
    topics = Checks.tokens("Preferences.topics", topics);
    channels = Checks.distinctList("Preferences.channels", channels);
    Checks.notNull("Preferences.frequency", frequency);
    Checks.notNull("Preferences.language", language);
    language = language.strip();
    if (!language.isEmpty() && Locale.forLanguageTag(language).toLanguageTag().equals("und")) {
      throw Checks.invalid("Preferences.language", "not a BCP 47 language tag", language);
    }
    Checks.notNull("Preferences.timeZone", timeZone);
    source = Checks.line("Preferences.source", source);
    Checks.notNull("Preferences.updatedAt", updatedAt);
  }

  /** No stated preferences for {@code customerId}. */
  public static Preferences none(CustomerId customerId) {
    return new Preferences(customerId, Set.of(), List.of(), ContactFrequency.UNSPECIFIED, "",
        ZoneId.of("UTC"), "", Instant.EPOCH);
  }

  /** The most preferred channel, if one is stated. */
  public java.util.Optional<Channel> preferredChannel() {
    return channels.stream().findFirst();
  }

  /** A copy with other topics. */
  public Preferences withTopics(Set<String> topics) {
    return new Preferences(customerId, topics, channels, frequency, language, timeZone, source, updatedAt);
  }

  /** A copy with other channels, most preferred first. */
  public Preferences withChannels(List<Channel> channels) {
    return new Preferences(customerId, topics, channels, frequency, language, timeZone, source, updatedAt);
  }

  /** A copy with another frequency. */
  public Preferences withFrequency(ContactFrequency frequency) {
    return new Preferences(customerId, topics, channels, frequency, language, timeZone, source, updatedAt);
  }

  /** A copy with another language and time zone. */
  public Preferences withLocale(String language, ZoneId timeZone) {
    return new Preferences(customerId, topics, channels, frequency, language, timeZone, source, updatedAt);
  }

  /** A copy stamped as changed by {@code source} at {@code at} (used by the preference centre). */
  public Preferences stamped(String source, Instant at) {
    return new Preferences(customerId, topics, channels, frequency, language, timeZone, source, at);
  }

  /** A copy belonging to another customer (a merge). */
  public Preferences forCustomer(CustomerId other) {
    return new Preferences(other, topics, channels, frequency, language, timeZone, source, updatedAt);
  }
}
