package org.ecrm.segmentation.archfixture.a;

import org.ecrm.segmentation.archfixture.b.Right;

/** Half of a package cycle that ArchitectureTest's cycle rule must report. */
public final class Left {
  /** @return the other half */
  public Right next() {
    return new Right();
  }
}
