/**
 * RFM and Pareto segmentation engine for the e-CRM library.
 */
module org.ecrm.segmentation {
  requires transitive org.ecrm.core;
  requires org.slf4j;
  requires tools.jackson.core;
  requires de.siegmar.fastcsv;
  requires static org.jspecify;

  exports org.ecrm.segmentation;
  exports org.ecrm.segmentation.clv;
  exports org.ecrm.segmentation.engine;
}
