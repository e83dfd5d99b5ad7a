package org.ecrm.core.interact;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;

/**
 * Host SPI and store: customers who must not be contacted, on one channel or on all, whatever their
 * consent says (a bounced address, a complaint, an erasure, a manual block). Implement it over the
 * host's database for suppressions to survive a restart. Implementations must be thread-safe.
 */
public interface SuppressionList {

  /** Adds a suppression (an equal one already present is kept once). */
  void add(Suppression suppression);

  /**
   * Removes the suppressions of {@code customerId} for {@code reason}.
   *
   * @return how many were removed
   */
  int remove(CustomerId customerId, Reason reason);

  /** The suppressions of a customer, oldest first. */
  List<Suppression> of(CustomerId customerId);

  /** A thread-safe in-memory list. */
  static SuppressionList inMemory() {
    return new InMemorySuppressions();
  }

  /** Why a customer is suppressed. */
  enum Reason {
    /** Messages to the address bounced. */
    BOUNCED,
    /** The customer complained (spam report, complaint case). */
    COMPLAINED,
    /** The customer's data was erased. */
    ERASED,
    /** Blocked by a person. */
    MANUAL
  }

  /**
   * One suppression. Immutable and thread-safe.
   *
   * @param customerId the customer
   * @param channel the channel, empty for every channel
   * @param reason why
   * @param note free text (the bounce message, who blocked), may be empty
   * @param at since when
   */
  record Suppression(CustomerId customerId, Optional<Channel> channel, Reason reason, String note, Instant at) {
    /** @throws NullPointerException naming the field */
    public Suppression {
      Checks.notNull("Suppression.customerId", customerId);
      Checks.notNull("Suppression.channel", channel);
      Checks.notNull("Suppression.reason", reason);
      note = Checks.line("Suppression.note", note);
      Checks.notNull("Suppression.at", at);
    }

    /** Whether this suppression covers {@code c}. */
    public boolean covers(Channel c) {
      return channel.isEmpty() || channel.get() == c;
    }
  }
}
