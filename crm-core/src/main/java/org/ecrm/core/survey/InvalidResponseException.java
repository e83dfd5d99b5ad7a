package org.ecrm.core.survey;

import java.util.List;
import java.util.stream.Collectors;
import org.ecrm.core.model.CrmException;

/**
 * A response does not fit its questionnaire. The message lists every problem, one per line; {@link
 * #problems()} gives them as values.
 */
public final class InvalidResponseException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** The problems; a {@code List.copyOf} copy, hence serializable. */
  private final List<Problem> problems;

  /**
   * @param problems the problems, at least one
   * @throws IllegalArgumentException if there is none
   */
  public InvalidResponseException(List<Problem> problems) {
    super(requireSome(problems).size() + " problem(s) in response:\n" + problems.stream().map(Problem::message)
        .collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  private static List<Problem> requireSome(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    return problems;
  }

  /** Every problem found, never empty. */
  public List<Problem> problems() {
    return problems;
  }
}
