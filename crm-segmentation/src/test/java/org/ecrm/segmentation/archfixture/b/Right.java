package org.ecrm.segmentation.archfixture.b;

import org.ecrm.segmentation.archfixture.a.Left;

/** Half of a package cycle that ArchitectureTest's cycle rule must report. */
public final class Right {
  /** @return the other half */
  public Left previous() {
    return new Left();
  }
}
