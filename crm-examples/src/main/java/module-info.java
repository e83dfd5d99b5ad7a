/**
 * Runnable examples and the demo of the e-CRM library. Nothing depends on this module.
 */
module org.ecrm.examples {
  requires org.ecrm.core;
  requires org.slf4j;
  requires info.picocli;

  opens org.ecrm.examples.cli to info.picocli;
  requires static org.jspecify;

  exports org.ecrm.examples;
  exports org.ecrm.examples.cli;
}
