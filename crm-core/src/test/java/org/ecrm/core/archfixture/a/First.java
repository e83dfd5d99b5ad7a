package org.ecrm.core.archfixture.a;

import org.ecrm.core.archfixture.b.Second;

/** Half of a package cycle that ArchitectureTest's cycle rule must report. */
public final class First {
  /** @return the other half */
  public Second next() {
    return new Second();
  }
}
