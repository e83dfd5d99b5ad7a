package org.ecrm.examples.jdbc;

import java.util.Locale;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.StoreException;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.spi.StorageProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens crm-core's {@link org.ecrm.core.jdbc.JdbcStorage} on a HikariCP pool ({@link HikariStorage}) for
 * {@code Crm.builder().build()} when the host gives no storage. It reads
 * {@code ecrm.jdbc.url} (then {@code ecrm.jdbc.user}, {@code ecrm.jdbc.password}) from the system
 * properties, else from the environment as {@code ECRM_JDBC_URL}, {@code ECRM_JDBC_USER},
 * {@code ECRM_JDBC_PASSWORD}.
 *
 * <p>Without a URL the provider stands aside: its {@link #priority()} is {@link Integer#MIN_VALUE}, so
 * any other provider is tried first, and if it is tried at all {@link #open()} returns crm-core's
 * in-memory storage (logged at INFO), which is exactly what the CRM uses when no provider is found.
 * So being on the class path changes nothing until a URL is configured, and discovery logs no
 * warning. With a URL set, the priority is 10 and a database that cannot be opened makes {@link
 * #open()} throw a {@link StoreException}; crm-core logs it as a warning and falls back to the next
 * provider or to in-memory storage. Settings are read on each call. Stateless and thread-safe.
 */
public final class JdbcStorageProvider implements StorageProvider {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStorageProvider.class);
  /** The setting naming the database, e.g. {@code jdbc:h2:./crm-demo} or {@code jdbc:postgresql://host/db}. */
  public static final String URL = "ecrm.jdbc.url";
  /** The setting naming the database user. */
  public static final String USER = "ecrm.jdbc.user";
  /** The setting holding the database password. */
  public static final String PASSWORD = "ecrm.jdbc.password";

  /** Used by {@link java.util.ServiceLoader}. */
  public JdbcStorageProvider() { }

  @Override
  public String name() {
    return "jdbc";
  }

  /** 10 when configured, so a configured database wins over providers at the default 0; else the lowest. */
  @Override
  public int priority() {
    return configured() ? 10 : Integer.MIN_VALUE;
  }

  /** Whether {@code ecrm.jdbc.url} is set, so that {@link #open()} would try to connect. */
  public static boolean configured() {
    return setting(URL) != null;
  }

  @Override
  public Storage open() {
    String url = setting(URL);
    if (url == null) {
      LOG.info("JDBC storage not configured ({} / {} unset): using in-memory storage", URL, envName(URL));
      return MemoryStorage.create();
    }
    return HikariStorage.open(url, setting(USER), setting(PASSWORD), 10);
  }

  static @Nullable String setting(String name) {
    String v = System.getProperty(name);
    if (v == null || v.isBlank()) {
      v = System.getenv(envName(name));
    }
    return v == null || v.isBlank() ? null : v.strip();
  }

  static String envName(String name) {
    return name.toUpperCase(Locale.ROOT).replace('.', '_');
  }
}
