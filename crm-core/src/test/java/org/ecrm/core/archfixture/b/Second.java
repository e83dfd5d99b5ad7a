package org.ecrm.core.archfixture.b;

import org.ecrm.core.archfixture.a.First;

/** The other half of the package cycle ArchitectureTest's cycle rule must report. */
public final class Second {
  /** @return the first half */
  public First back() {
    return new First();
  }
}
