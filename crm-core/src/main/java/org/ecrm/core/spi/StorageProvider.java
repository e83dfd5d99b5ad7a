package org.ecrm.core.spi;

/**
 * Makes a {@link Storage}; found through {@link java.util.ServiceLoader} when the host does not give
 * {@code Crm.builder().storage(...)}. Register an implementation in
 * {@code META-INF/services/org.ecrm.core.spi.StorageProvider} and, on the module path, with
 * {@code provides org.ecrm.core.spi.StorageProvider with ...}.
 *
 * <p>With no provider the facade uses {@link org.ecrm.core.memory.MemoryStorage#create() the in-memory storage}; with several it picks the one with
 * the highest {@link #priority()} (then the smallest name) and logs the choice; a provider that throws
 * is logged and skipped.
 */
public interface StorageProvider {

  /** A short name for logs, e.g. {@code "jdbc"}. */
  String name();

  /** Higher wins when several providers are found; the default is 0. */
  default int priority() {
    return 0;
  }

  /** Opens the storage. */
  Storage open();
}
