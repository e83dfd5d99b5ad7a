package org.ecrm.tracking;

import org.jspecify.annotations.Nullable;

/** Feeds accepted events to an optional identity resolver. */
final class IdentityResolverHook {
  private IdentityResolverHook() {}

  static void observe(@Nullable IdentityResolver resolver, TrackingEvent e) {
    if (resolver != null) {
      resolver.observe(e);
    }
  }
}
