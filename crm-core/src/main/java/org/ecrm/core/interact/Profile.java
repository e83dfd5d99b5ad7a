package org.ecrm.core.interact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ContactFrequency;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Sku;

/**
 * The personalisation profile of a visitor or customer: who they are (or that they are anonymous or
 * erased), their segment and classes, interests from browsing and purchases, stated channels, language,
 * time zone and frequency, last visit and return visits, and consent. Immutable and thread-safe.
 *
 * @param visitorId the web visitor id the profile was looked up by, {@code ""} when looked up by customer
 * @param customerId the customer, empty for an anonymous visitor or an erased customer
 * @param recognition recognised, anonymous or erased
 * @param displayName the name to greet with (given name, else full name), {@code ""} when unknown,
 *     anonymous or erased
 * @param segment the RFM segment, if scored
 * @param classes class labels (high-value, repeat, ...), empty if not scored
 * @param segmentAsOf the analysis date of the segment, if scored
 * @param interests interests from browsing and purchases, strongest first within each source,
 *     browsing first
 * @param channels stated channels, most preferred first
 * @param language stated BCP 47 language tag, {@code ""} when not stated
 * @param timeZone stated time zone, UTC when not stated
 * @param frequency stated contact frequency
 * @param lastVisit end of the last web visit, if any
 * @param returnVisits web visits after the first
 * @param consents purpose → channels with consent in force
 * @param owned skus the customer bought (orders not cancelled or fully refunded)
 * @param computedAt when the profile was computed (it may be served from the cache later)
 */
public record Profile(
    String visitorId,
    Optional<CustomerId> customerId,
    Recognition recognition,
    String displayName,
    Optional<String> segment,
    Set<String> classes,
    Optional<LocalDate> segmentAsOf,
    List<Interest> interests,
    List<Channel> channels,
    String language,
    ZoneId timeZone,
    ContactFrequency frequency,
    Optional<Instant> lastVisit,
    int returnVisits,
    Map<String, Set<Channel>> consents,
    Set<Sku> owned,
    Instant computedAt) {

  /** Whether the visitor is known. */
  public enum Recognition {
    /** A known customer. */
    RECOGNISED,
    /** A visitor not linked to a customer. */
    ANONYMOUS,
    /** A customer whose personal data was erased: nothing personal is shown. */
    ERASED
  }

  /** Validates and copies every field. */
  public Profile {
    Checks.notNull("Profile.visitorId", visitorId);
    Checks.notNull("Profile.customerId", customerId);
    Checks.notNull("Profile.recognition", recognition);
    Checks.notNull("Profile.displayName", displayName);
    Checks.notNull("Profile.segment", segment);
    classes = Set.copyOf(Checks.notNull("Profile.classes", classes));
    Checks.notNull("Profile.segmentAsOf", segmentAsOf);
    interests = List.copyOf(Checks.notNull("Profile.interests", interests));
    channels = List.copyOf(Checks.notNull("Profile.channels", channels));
    Checks.notNull("Profile.language", language);
    Checks.notNull("Profile.timeZone", timeZone);
    Checks.notNull("Profile.frequency", frequency);
    Checks.notNull("Profile.lastVisit", lastVisit);
    Checks.nonNegative("Profile.returnVisits", returnVisits);
    consents = Map.copyOf(Checks.notNull("Profile.consents", consents));
    owned = Set.copyOf(Checks.notNull("Profile.owned", owned));
    Checks.notNull("Profile.computedAt", computedAt);
    if (recognition == Recognition.RECOGNISED && customerId.isEmpty()) {
      throw Checks.invalid("Profile.customerId", "a recognised profile needs a customer", customerId);
    }
    if (recognition != Recognition.RECOGNISED && !displayName.isEmpty()) {
      throw Checks.invalid("Profile.displayName", "only a recognised customer has a name", displayName);
    }
  }

  /** The most preferred stated channel, if any. */
  public Optional<Channel> preferredChannel() {
    return channels.stream().findFirst();
  }

  /** A greeting line: {@code "Welcome back, Ada"} for a recognised customer with a name, else {@code "Welcome"}. */
  public String greeting() {
    return displayName.isEmpty() ? "Welcome" : "Welcome back, " + displayName;
  }

  /** Whether consent is in force for {@code purpose} on {@code channel}. */
  public boolean consents(String purpose, Channel channel) {
    return consents.getOrDefault(purpose, Set.of()).contains(channel);
  }

  /** The names of the strongest interests, at most {@code n}, browsing and purchases merged by weight. */
  public List<String> topInterests(int n) {
    Checks.positive("Profile.topInterests n", n);
    return interests.stream()
        .collect(java.util.stream.Collectors.toMap(Interest::name, Interest::weight, Long::sum,
            java.util.LinkedHashMap::new))
        .entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(n).map(Map.Entry::getKey).toList();
  }
}
