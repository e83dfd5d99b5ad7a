package org.ecrm.core.b2b;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecrm.core.model.AccountId;
import org.ecrm.core.model.Money;

/** Opportunities, the decision-making unit and inbound listening for accounts. Thread-safe. */
public interface B2b {

  /** The configured stages, in pipeline order. */
  List<PipelineStage> stages();

  /**
   * Opens an opportunity in the first stage.
   *
   * @throws org.ecrm.core.model.NotFoundException if the account does not exist
   */
  Opportunity open(AccountId accountId, String name, Money amount, LocalDate expectedClose);

  /** The opportunity with {@code id}, if any. */
  Optional<Opportunity> get(String id);

  /** The opportunities of an account, oldest first. */
  List<Opportunity> ofAccount(AccountId accountId);

  /**
   * Moves an opportunity to another stage.
   *
   * @throws IllegalArgumentException if the stage is unknown
   * @throws IllegalStateException if the opportunity is already closed (won or lost)
   */
  Opportunity moveTo(String opportunityId, String stage);

  /** Changes amount and expected close. */
  Opportunity forecast(String opportunityId, Money amount, LocalDate expectedClose);

  /** Σ amount × stage probability over open opportunities, per currency. */
  Map<String, Money> weightedPipeline();

  /** The account's contacts with their roles and engagement (interactions and the last one). */
  List<UnitMember> decisionMakingUnit(AccountId accountId);

  /**
   * The account's inbound-listening signals over {@code [from, to)} and the period of the same length
   * before it, summed over its contacts.
   *
   * @throws IllegalArgumentException if {@code to} is not after {@code from}
   */
  ListeningSummary listening(AccountId accountId, Instant from, Instant to);
}
