package org.ecrm.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.spi.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a {@link StorageProvider} through {@link ServiceLoader}: a provider that fails to load or to
 * open is logged and skipped; with several, the highest priority (then the smallest name) wins and the
 * choice is logged; with none, the caller falls back to the in-memory default.
 */
public final class StorageDiscovery {
  private static final Logger LOG = LoggerFactory.getLogger(StorageDiscovery.class);

  private StorageDiscovery() {}

  /** Opens the best provider found with {@code loader}, if any opens. */
  public static Optional<Storage> discover(ClassLoader loader) {
    List<StorageProvider> providers = new ArrayList<>();
    var it = ServiceLoader.load(StorageProvider.class, loader).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        providers.add(it.next());
      } catch (ServiceConfigurationError e) {
        LOG.warn("A StorageProvider could not be loaded and is skipped", e);
      }
    }
    providers.sort(Comparator.comparingInt(StorageProvider::priority).reversed()
        .thenComparing(StorageProvider::name));
    if (providers.size() > 1) {
      LOG.info("Several StorageProviders found {}; trying them in this order",
          providers.stream().map(StorageProvider::name).toList());
    }
    for (StorageProvider p : providers) {
      try {
        Storage storage = p.open();
        LOG.info("Using StorageProvider '{}'", p.name());
        return Optional.of(storage);
      } catch (RuntimeException e) {
        LOG.warn("StorageProvider '{}' failed to open and is skipped", p.name(), e);
      }
    }
    return Optional.empty();
  }
}
