package org.ecrm.core.interact;

import java.time.Instant;
import java.util.List;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;

/**
 * The planned audience of a campaign: the treatment group with the channel chosen per customer, the
 * hold-out control group (eligible, not contacted), and every targeted customer who was excluded, with
 * the contact-policy decision for each channel tried. Immutable and thread-safe.
 *
 * @param campaignId the campaign
 * @param plannedAt when the policy was asked
 * @param targeted customers the target selected
 * @param treatment customers to contact
 * @param control customers held out
 * @param exclusions targeted customers no channel was allowed for
 */
public record Audience(String campaignId, Instant plannedAt, int targeted, List<Member> treatment,
    List<Member> control, List<Exclusion> exclusions) {

  /** Copies the lists. */
  public Audience {
    campaignId = Checks.token("Audience.campaignId", campaignId);
    Checks.notNull("Audience.plannedAt", plannedAt);
    Checks.nonNegative("Audience.targeted", targeted);
    treatment = List.copyOf(Checks.notNull("Audience.treatment", treatment));
    control = List.copyOf(Checks.notNull("Audience.control", control));
    exclusions = List.copyOf(Checks.notNull("Audience.exclusions", exclusions));
  }

  /** Exclusions counted per reason code (a customer counts once per code). */
  public java.util.Map<ContactDecision.Code, Long> exclusionsByCode() {
    java.util.Map<ContactDecision.Code, Long> m = new java.util.EnumMap<>(ContactDecision.Code.class);
    for (Exclusion e : exclusions) {
      e.decisions().stream().flatMap(d -> d.reasons().stream()).map(ContactDecision.Reason::code).distinct()
          .forEach(c -> m.merge(c, 1L, Long::sum));
    }
    return m;
  }

  /**
   * A customer in the treatment or the control group.
   *
   * @param customerId the customer
   * @param segment the customer's segment, {@code ""} if not scored
   * @param channel the channel chosen (for the control group: the one that would have been used)
   */
  public record Member(CustomerId customerId, String segment, Channel channel) {
    /** @throws NullPointerException naming the field */
    public Member {
      Checks.notNull("Audience.Member.customerId", customerId);
      Checks.notNull("Audience.Member.segment", segment);
      Checks.notNull("Audience.Member.channel", channel);
    }
  }

  /**
   * A targeted customer who may not be contacted on any of the campaign's channels.
   *
   * @param customerId the customer
   * @param segment the customer's segment, {@code ""} if not scored
   * @param decisions the policy decision for each channel tried, in order
   */
  public record Exclusion(CustomerId customerId, String segment, List<ContactDecision> decisions) {
    /** Copies the decisions. */
    public Exclusion {
      Checks.notNull("Audience.Exclusion.customerId", customerId);
      Checks.notNull("Audience.Exclusion.segment", segment);
      decisions = List.copyOf(Checks.notNull("Audience.Exclusion.decisions", decisions));
    }

    /** Every reason, as {@code CHANNEL CODE: detail}. */
    public List<String> reasons() {
      return decisions.stream().flatMap(d -> d.reasons().stream().map(r -> d.channel() + " " + r)).toList();
    }
  }
}
