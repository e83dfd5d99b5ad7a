package org.ecrm.tracking.archfixture.a;

import org.ecrm.tracking.archfixture.a.internal.Impl;

/** An API type whose factory names its implementation: half of the cycle ArchitectureTest must report. */
public interface Api {
  /** @return the implementation */
  static Api create() {
    return new Impl();
  }
}
