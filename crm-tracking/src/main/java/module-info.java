/**
 * Web-tracking events, web-log import, sessions and identity for the e-CRM library.
 *
 * <p>API: {@code org.ecrm.tracking} (events, codec, tracker, identity, privacy),
 * {@code org.ecrm.tracking.weblog} (web-log reading and import), {@code org.ecrm.tracking.session}
 * (sessionization, visitor profiles, aggregates) and {@code org.ecrm.tracking.pipeline} (all of it wired:
 * start there). The {@code internal} packages and {@code org.ecrm.tracking.session.spill} are not exported.
 */
module org.ecrm.tracking {
  requires transitive org.ecrm.core;
  requires org.slf4j;
  requires tools.jackson.core;
  requires static org.jspecify;

  exports org.ecrm.tracking;
  exports org.ecrm.tracking.pipeline;
  exports org.ecrm.tracking.session;
  exports org.ecrm.tracking.weblog;
}
