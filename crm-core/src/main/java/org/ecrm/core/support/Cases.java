package org.ecrm.core.support;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;

/**
 * Complaints, queries and requests with service-level clocks. Every message in or out is recorded as
 * an interaction of the customer. Configure the calendar and the policies with
 * {@code Crm.builder().serviceLevels(...)}. Thread-safe.
 */
public interface Cases {

  /**
   * Opens a case with the customer's first message.
   *
   * @throws org.ecrm.core.model.NotFoundException if the customer does not exist
   */
  SupportCase open(CustomerId customerId, Channel channel, CaseType type, CasePriority priority,
      String subject, String message);

  /** The case with {@code id}, if any. */
  Optional<SupportCase> get(String id);

  /** The cases of a customer, oldest first. */
  List<SupportCase> ofCustomer(CustomerId customerId);

  /**
   * Records an answer by the company (the first one stops the first-response clock) and moves a new
   * or reopened case to open, or to pending-customer when {@code awaitCustomer} is true.
   *
   * @throws IllegalStateException if the case is closed
   */
  SupportCase reply(String caseId, String message, boolean awaitCustomer);

  /**
   * Records a message from the customer; a case pending on the customer opens again, a resolved one
   * is reopened.
   *
   * @throws IllegalStateException if the case is closed
   */
  SupportCase customerMessage(String caseId, String message);

  /**
   * Moves the case to {@code status}.
   *
   * @throws IllegalStateException for a transition the life cycle does not allow (e.g. from closed, or
   *     to new)
   */
  SupportCase changeStatus(String caseId, CaseStatus status);

  /** Assigns the case to someone ({@code ""} unassigns). */
  SupportCase assign(String caseId, String assignee);

  /** The case's service-level clocks now (first response, next update while open, resolution). */
  List<SlaClock> clocks(String caseId);

  /** The open cases with a clock that breaches within {@code within}, soonest first. */
  List<SupportCase> aboutToBreach(Duration within);

  /** First-response and resolution times and breach rates over all cases. */
  CaseReport report();
}
