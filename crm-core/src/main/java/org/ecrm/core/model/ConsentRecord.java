package org.ecrm.core.model;

import java.time.Instant;
import org.ecrm.core.internal.check.Checks;

/**
 * One change of a customer's consent for a purpose on a channel. Consent records are never changed or
 * removed: the latest record for a (purpose, channel) pair is the state in force, and the records
 * before it are the history. Immutable and thread-safe.
 *
 * @param customerId whose consent
 * @param purpose what for, a token such as {@code "newsletter"} or {@code "profiling"}
 * @param channel through which channel
 * @param status granted or withdrawn
 * @param lawfulBasis the lawful basis the company relies on
 * @param source where the change came from (a form, a call, an import), may be empty
 * @param recordedAt when the change was made
 */
public record ConsentRecord(CustomerId customerId, String purpose, Channel channel, ConsentStatus status,
    LawfulBasis lawfulBasis, String source, Instant recordedAt) {

  /**
   * Validates every field.
   *
   * @throws NullPointerException naming the field if one is null
   * @throws IllegalArgumentException if the purpose is not a token
   */
  public ConsentRecord {
    Checks.notNull("ConsentRecord.customerId", customerId);
    purpose = Checks.token("ConsentRecord.purpose", purpose);
    Checks.notNull("ConsentRecord.channel", channel);
    Checks.notNull("ConsentRecord.status", status);
    Checks.notNull("ConsentRecord.lawfulBasis", lawfulBasis);
    source = Checks.line("ConsentRecord.source", source);
    Checks.notNull("ConsentRecord.recordedAt", recordedAt);
  }

  /** Whether this record grants contact. */
  public boolean granted() {
    return status == ConsentStatus.GRANTED;
  }
}
