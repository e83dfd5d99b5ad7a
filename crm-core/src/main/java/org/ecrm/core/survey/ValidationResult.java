package org.ecrm.core.survey;

import java.util.List;
import org.ecrm.core.internal.check.Checks;

/**
 * The outcome of {@link Questionnaire#validate(Response)}: every problem found, in question order.
 * Immutable and thread-safe.
 *
 * @param problems the problems; empty when the response is valid
 */
public record ValidationResult(List<Problem> problems) {

  /** Copies the list. */
  public ValidationResult {
    problems = Checks.list("ValidationResult.problems", problems);
  }

  /** Whether there is no problem. */
  public boolean isValid() {
    return problems.isEmpty();
  }

  /**
   * Throws if there is a problem.
   *
   * @throws InvalidResponseException listing every problem
   */
  public void orThrow() {
    if (!problems.isEmpty()) {
      throw new InvalidResponseException(problems);
    }
  }
}
