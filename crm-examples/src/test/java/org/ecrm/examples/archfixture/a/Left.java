package org.ecrm.examples.archfixture.a;

import org.ecrm.examples.archfixture.b.Right;

/** Half of a deliberate package cycle that {@code ArchitectureTest} must report. */
public final class Left {
  private Left() {
  }

  /** Refers to the other package. */
  public static Class<?> other() {
    return Right.class;
  }
}
