/**
 * Web-tracking events, web-log import, sessions and identity for the e-CRM library.
 *
 * <p>API: {@code org.ecrm.tracking} (events, codec, tracker, identity, privacy),
 * {@code org.ecrm.tracking.weblog} (web-log reading and import) and {@code org.ecrm.tracking.session}
 * (sessionization, visitor profiles, aggregates). {@code org.ecrm.tracking.internal} is not exported.
 */
module org.ecrm.tracking {
  requires transitive org.ecrm.core;
  requires org.slf4j;
  requires tools.jackson.core;
  requires static org.jspecify;

  exports org.ecrm.tracking;
  exports org.ecrm.tracking.session;
  exports org.ecrm.tracking.weblog;
}
