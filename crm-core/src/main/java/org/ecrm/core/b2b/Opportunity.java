package org.ecrm.core.b2b;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.AccountId;
import org.ecrm.core.model.Money;

/**
 * A possible sale to an account, with its stage history. Immutable and thread-safe.
 *
 * @param id the opportunity id
 * @param accountId the account
 * @param name what is being sold
 * @param amount the expected amount, not negative
 * @param expectedClose when it is expected to close
 * @param stages the stages it went through with the instant it entered each, oldest first
 * @param version the optimistic-concurrency version
 */
public record Opportunity(String id, AccountId accountId, String name, Money amount, LocalDate expectedClose,
    List<StageChange> stages, long version) {

  /** @throws IllegalArgumentException naming the field for a blank name, negative amount or no stage */
  public Opportunity {
    id = Checks.id("Opportunity.id", id);
    Checks.notNull("Opportunity.accountId", accountId);
    name = Checks.line("Opportunity.name", name);
    if (name.isEmpty()) {
      throw Checks.invalid("Opportunity.name", "must not be blank", name);
    }
    Checks.notNull("Opportunity.amount", amount);
    if (amount.isNegative()) {
      throw Checks.invalid("Opportunity.amount", "must not be negative", amount);
    }
    Checks.notNull("Opportunity.expectedClose", expectedClose);
    stages = Checks.list("Opportunity.stages", stages);
    if (stages.isEmpty()) {
      throw Checks.invalid("Opportunity.stages", "needs the first stage", stages);
    }
    Checks.positive("Opportunity.version", version);
  }

  /** The current stage's name. */
  public String stage() {
    return stages.get(stages.size() - 1).stage();
  }

  /** A copy in another stage entered at {@code at}, version + 1 (used by the facade). */
  public Opportunity movedTo(String stage, Instant at) {
    List<StageChange> next = new ArrayList<>(stages);
    next.add(new StageChange(stage, at));
    return new Opportunity(id, accountId, name, amount, expectedClose, next, version + 1);
  }

  /** A copy with another amount and expected close, version + 1 (used by the facade). */
  public Opportunity withForecast(Money amount, LocalDate expectedClose) {
    return new Opportunity(id, accountId, name, amount, expectedClose, stages, version + 1);
  }

  /**
   * A stage the opportunity entered.
   *
   * @param stage the stage name
   * @param at when
   */
  public record StageChange(String stage, Instant at) {
    /** @throws NullPointerException naming the field if one is null */
    public StageChange {
      Checks.id("StageChange.stage", stage);
      Checks.notNull("StageChange.at", at);
    }
  }
}
