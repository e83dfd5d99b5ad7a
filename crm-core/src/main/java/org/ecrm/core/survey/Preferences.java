package org.ecrm.core.survey;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ecrm.core.internal.Checks;
import org.ecrm.core.model.Channel;

/**
 * A customer's contact preferences: topics of interest, preferred channel and contact frequency, as set
 * directly or derived by a {@link PreferenceMapping}. Immutable and thread-safe.
 *
 * @param topics topics of interest (tokens), sorted
 * @param preferredChannel the preferred channel, if stated
 * @param frequency the wanted contact frequency, if stated
 */
public record Preferences(Set<String> topics, Optional<Channel> preferredChannel,
    Optional<Frequency> frequency) {

  /** No preference stated. */
  public static final Preferences NONE = new Preferences(Set.of(), Optional.empty(), Optional.empty());

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException naming the topic if one is not a token
   */
  public Preferences {
    topics = Checks.tokens("Preferences.topics", topics);
    Checks.notNull("Preferences.preferredChannel", preferredChannel);
    Checks.notNull("Preferences.frequency", frequency);
  }

  /**
   * These preferences updated by {@code newer}: the topics are unioned, and the channel and frequency
   * of {@code newer} win where it states them.
   */
  public Preferences updatedBy(Preferences newer) {
    Checks.notNull("newer", newer);
    TreeSet<String> t = new TreeSet<>(topics);
    t.addAll(newer.topics);
    return new Preferences(Collections.unmodifiableSet(t),
        newer.preferredChannel.isPresent() ? newer.preferredChannel : preferredChannel,
        newer.frequency.isPresent() ? newer.frequency : frequency);
  }
}
