package org.ecrm.core.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.InteractionId;

/**
 * A complaint, query or request of a customer, with the history of its status changes (which drive the
 * service-level clocks) and the interactions that carried its messages. Immutable and thread-safe.
 *
 * @param id the case id
 * @param customerId the customer
 * @param channel where it came in
 * @param type complaint, query or request
 * @param priority how urgent
 * @param subject a one-line subject
 * @param assignee who works on it, {@code ""} when unassigned
 * @param openedAt when it came in
 * @param statusChanges every status the case has been in, with the instant it entered it, oldest first
 * @param responses when the company answered, oldest first
 * @param messages the interactions recording the messages in and out
 * @param version the optimistic-concurrency version
 */
public record SupportCase(String id, CustomerId customerId, Channel channel, CaseType type,
    CasePriority priority, String subject, String assignee, Instant openedAt, List<StatusChange> statusChanges,
    List<Instant> responses, List<InteractionId> messages,
    long version) {

  /** @throws IllegalArgumentException naming the field for a blank id or an empty status history */
  public SupportCase {
    id = Checks.id("SupportCase.id", id);
    Checks.notNull("SupportCase.customerId", customerId);
    Checks.notNull("SupportCase.channel", channel);
    Checks.notNull("SupportCase.type", type);
    Checks.notNull("SupportCase.priority", priority);
    subject = Checks.line("SupportCase.subject", subject);
    assignee = Checks.line("SupportCase.assignee", assignee);
    Checks.notNull("SupportCase.openedAt", openedAt);
    statusChanges = Checks.list("SupportCase.statusChanges", statusChanges);
    if (statusChanges.isEmpty()) {
      throw Checks.invalid("SupportCase.statusChanges", "needs the initial status", statusChanges);
    }
    responses = Checks.list("SupportCase.responses", responses);
    messages = Checks.distinctList("SupportCase.messages", messages);
    Checks.positive("SupportCase.version", version);
  }

  /** The current status. */
  public CaseStatus status() {
    return statusChanges.get(statusChanges.size() - 1).status();
  }

  /** When the company first answered, if it has. */
  public Optional<Instant> firstResponse() {
    return responses.stream().findFirst();
  }

  /** When the company last answered, if it has. */
  public Optional<Instant> lastResponse() {
    return responses.isEmpty() ? Optional.empty() : Optional.of(responses.get(responses.size() - 1));
  }

  /** When the case was last resolved, if it is resolved or closed now. */
  public Optional<Instant> resolvedAt() {
    for (int i = statusChanges.size() - 1; i >= 0; i--) {
      CaseStatus s = statusChanges.get(i).status();
      if (s == CaseStatus.RESOLVED) {
        return Optional.of(statusChanges.get(i).at());
      }
      if (s != CaseStatus.CLOSED) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** A copy that entered {@code status} at {@code at}, version + 1 (used by the facade). */
  public SupportCase withStatus(CaseStatus status, Instant at) {
    List<StatusChange> next = new ArrayList<>(statusChanges);
    next.add(new StatusChange(status, at));
    return new SupportCase(id, customerId, channel, type, priority, subject, assignee, openedAt, next,
        responses, messages, version + 1);
  }

  /**
   * A copy with a message recorded (an outbound one counts as an answer) and the case moved to
   * {@code status} if it is not there yet; version + 1 (used by the facade).
   */
  public SupportCase withMessage(InteractionId message, boolean outbound, Instant at, CaseStatus status) {
    List<InteractionId> next = new ArrayList<>(messages);
    next.add(message);
    List<Instant> answered = new ArrayList<>(responses);
    if (outbound) {
      answered.add(at);
    }
    List<StatusChange> changes = new ArrayList<>(statusChanges);
    if (status != status()) {
      changes.add(new StatusChange(status, at));
    }
    return new SupportCase(id, customerId, channel, type, priority, subject, assignee, openedAt,
        changes, answered, next, version + 1);
  }

  /**
   * A copy belonging to another customer (a merge) or to an erasure's pseudonym; with
   * {@code dropPersonal} the subject and message links are removed (version + 1; used by the facade).
   */
  public SupportCase forCustomer(CustomerId other, boolean dropPersonal) {
    return new SupportCase(id, other, channel, type, priority, dropPersonal ? "" : subject, assignee,
        openedAt, statusChanges, responses, dropPersonal ? List.of() : messages, version + 1);
  }

  /** A copy with another assignee, version + 1 (used by the facade). */
  public SupportCase withAssignee(String assignee) {
    return new SupportCase(id, customerId, channel, type, priority, subject, assignee, openedAt,
        statusChanges, responses, messages, version + 1);
  }

  /**
   * One status the case entered.
   *
   * @param status the status
   * @param at when
   */
  public record StatusChange(CaseStatus status, Instant at) {
    /** @throws NullPointerException naming the field if one is null */
    public StatusChange {
      Checks.notNull("StatusChange.status", status);
      Checks.notNull("StatusChange.at", at);
    }
  }
}
