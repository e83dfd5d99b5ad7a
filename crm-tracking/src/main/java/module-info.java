/**
 * Web-tracking events, web-log import, sessions and identity for the e-CRM library.
 */
module org.ecrm.tracking {
  requires transitive org.ecrm.core;
  requires org.slf4j;
  requires static org.jspecify;

  exports org.ecrm.tracking;
}
