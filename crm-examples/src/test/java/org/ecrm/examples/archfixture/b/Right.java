package org.ecrm.examples.archfixture.b;

import org.ecrm.examples.archfixture.a.Left;

/** The other half of a deliberate package cycle that {@code ArchitectureTest} must report. */
public final class Right {
  private Right() {
  }

  /** Refers to the other package. */
  public static Class<?> other() {
    return Left.class;
  }
}
