package org.ecrm.core.survey;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ContactFrequency;

/**
 * What a questionnaire response states about a customer's preferences (topics of interest, preferred
 * channel, contact frequency), as derived by a {@link PreferenceMapping}; {@link #applyTo} merges it into
 * the preference centre's {@link org.ecrm.core.model.Preferences}. Immutable and thread-safe.
 *
 * @param topics topics of interest (tokens), sorted
 * @param preferredChannel the preferred channel, if stated
 * @param frequency the wanted contact frequency, if stated
 */
public record StatedPreferences(Set<String> topics, Optional<Channel> preferredChannel,
    Optional<ContactFrequency> frequency) {

  /** No preference stated. */
  public static final StatedPreferences NONE = new StatedPreferences(Set.of(), Optional.empty(), Optional.empty());

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException naming the topic if one is not a token
   */
  public StatedPreferences {
    topics = Checks.tokens("StatedPreferences.topics", topics);
    Checks.notNull("StatedPreferences.preferredChannel", preferredChannel);
    Checks.notNull("StatedPreferences.frequency", frequency);
  }

  /**
   * These preferences updated by {@code newer}: the topics are unioned, and the channel and frequency
   * of {@code newer} win where it states them.
   */
  public StatedPreferences updatedBy(StatedPreferences newer) {
    Checks.notNull("newer", newer);
    TreeSet<String> t = new TreeSet<>(topics);
    t.addAll(newer.topics);
    return new StatedPreferences(Collections.unmodifiableSet(t),
        newer.preferredChannel.isPresent() ? newer.preferredChannel : preferredChannel,
        newer.frequency.isPresent() ? newer.frequency : frequency);
  }

  /**
   * The stored preferences with these stated ones merged in: topics unioned, a stated channel moved to
   * the front of the channel list, a stated frequency replacing the stored one.
   */
  public org.ecrm.core.model.Preferences applyTo(org.ecrm.core.model.Preferences current) {
    Checks.notNull("current", current);
    TreeSet<String> t = new TreeSet<>(current.topics());
    t.addAll(topics);
    java.util.List<Channel> channels = new java.util.ArrayList<>(current.channels());
    preferredChannel.ifPresent(c -> {
      channels.remove(c);
      channels.add(0, c);
    });
    return current.withTopics(t).withChannels(channels).withFrequency(frequency.orElse(current.frequency()));
  }
}
