/** The consumer as a named module: reads the library's modules like any host application. */
module org.example.consumer {
  requires org.ecrm.core;
  requires org.ecrm.segmentation;
  requires org.ecrm.tracking;
}
