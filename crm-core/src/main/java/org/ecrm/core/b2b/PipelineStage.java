package org.ecrm.core.b2b;

import java.math.BigDecimal;
import java.util.List;
import org.ecrm.core.internal.check.Checks;

/**
 * A sales stage and the probability that an opportunity in it closes as won. Immutable.
 *
 * @param name the stage name
 * @param probability 0 to 1
 * @param closed whether the stage ends the opportunity (won or lost)
 */
public record PipelineStage(String name, BigDecimal probability, boolean closed) {
  /** The default stages: Prospecting 10 %, Qualification 20 %, Proposal 50 %, Negotiation 75 %, Won, Lost. */
  public static final List<PipelineStage> DEFAULT = List.of(
      new PipelineStage("Prospecting", new BigDecimal("0.10"), false),
      new PipelineStage("Qualification", new BigDecimal("0.20"), false),
      new PipelineStage("Proposal", new BigDecimal("0.50"), false),
      new PipelineStage("Negotiation", new BigDecimal("0.75"), false),
      new PipelineStage("Won", BigDecimal.ONE, true),
      new PipelineStage("Lost", BigDecimal.ZERO, true));

  /** @throws IllegalArgumentException for a blank name or a probability outside 0..1 */
  public PipelineStage {
    name = Checks.id("PipelineStage.name", name);
    Checks.notNull("PipelineStage.probability", probability);
    if (probability.signum() < 0 || probability.compareTo(BigDecimal.ONE) > 0) {
      throw Checks.invalid("PipelineStage.probability", "must be between 0 and 1", probability);
    }
  }
}
