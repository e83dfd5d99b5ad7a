package org.ecrm.core.interact;

import java.time.Instant;
import java.util.List;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;

/**
 * Whether a message for {@code purpose} may go to a customer on a channel at an instant, with every
 * reason it may not (not only the first). Immutable and thread-safe.
 *
 * @param customerId the customer
 * @param channel the channel
 * @param purpose the consent purpose (e.g. {@code newsletter})
 * @param at when the decision was made
 * @param reasons why the message may not go; empty when it may
 */
public record ContactDecision(CustomerId customerId, Channel channel, String purpose, Instant at,
    List<Reason> reasons) {

  /** Copies the reasons. */
  public ContactDecision {
    Checks.notNull("ContactDecision.customerId", customerId);
    Checks.notNull("ContactDecision.channel", channel);
    purpose = Checks.token("ContactDecision.purpose", purpose);
    Checks.notNull("ContactDecision.at", at);
    reasons = List.copyOf(Checks.notNull("ContactDecision.reasons", reasons));
  }

  /** Whether the message may go. */
  public boolean allowed() {
    return reasons.isEmpty();
  }

  /** Whether one of the reasons has {@code code}. */
  public boolean deniedFor(Code code) {
    return reasons.stream().anyMatch(r -> r.code() == code);
  }

  /** What a refusal is about. */
  public enum Code {
    /** No customer with this id. */
    UNKNOWN_CUSTOMER,
    /** The customer was erased. */
    ERASED,
    /** No consent in force for the purpose on the channel. */
    NO_CONSENT,
    /** On a suppression list for the channel or all channels. */
    SUPPRESSED,
    /** No e-mail address / phone number / postal address for the channel. */
    NO_ADDRESS,
    /** The customer stated other channels. */
    NOT_A_STATED_CHANNEL,
    /** The customer's stated frequency (never, or once a day/week/month) is used up. */
    STATED_FREQUENCY,
    /** The channel's cap is used up. */
    CHANNEL_CAP,
    /** The overall cap is used up. */
    OVERALL_CAP,
    /** Quiet hours in the customer's time zone. */
    QUIET_HOURS,
    /** No {@link MessageChannel} delivers on the channel. */
    NO_DELIVERY_CHANNEL
  }

  /**
   * One reason for a refusal.
   *
   * @param code what it is about
   * @param detail the specifics (the cap and the count, the local time, the suppression note)
   */
  public record Reason(Code code, String detail) {
    /** @throws NullPointerException naming the field */
    public Reason {
      Checks.notNull("ContactDecision.Reason.code", code);
      detail = Checks.line("ContactDecision.Reason.detail", detail);
    }

    @Override
    public String toString() {
      return code + ": " + detail;
    }
  }
}
