package org.ecrm.core.service;

import java.util.List;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.NotFoundException;

/**
 * Consent per purpose and channel, with the full history kept. Thread-safe. The state in force for a
 * (purpose, channel) pair is its latest record (by {@code recordedAt}; on a tie, the one recorded
 * last); no record means no consent.
 */
public interface Consents {

  /**
   * Records that the customer agrees to be contacted on {@code channel} for {@code purpose}.
   *
   * @throws NotFoundException if the customer does not exist
   * @throws IllegalArgumentException if the purpose is not a token
   */
  ConsentRecord grant(CustomerId customerId, Channel channel, String purpose, LawfulBasis basis,
      String source);

  /**
   * Records that the customer withdrew (or objected to) contact on {@code channel} for {@code purpose}.
   *
   * @throws NotFoundException if the customer does not exist
   */
  ConsentRecord withdraw(CustomerId customerId, Channel channel, String purpose, String source);

  /**
   * Records a consent change as given, e.g. imported with its original time.
   *
   * @throws NotFoundException if the customer does not exist
   */
  ConsentRecord record(ConsentRecord record);

  /** Every consent change of the customer, oldest first. */
  List<ConsentRecord> history(CustomerId customerId);

  /** The latest record of each (purpose, channel) pair, sorted by purpose then channel. */
  List<ConsentRecord> current(CustomerId customerId);

  /** Whether the latest record for (purpose, channel) grants contact; false when there is none. */
  boolean canContact(CustomerId customerId, Channel channel, String purpose);
}
