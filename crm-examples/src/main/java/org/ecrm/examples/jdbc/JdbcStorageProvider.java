package org.ecrm.examples.jdbc;

import java.util.Locale;
import org.ecrm.core.StoreException;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.spi.StorageProvider;
import org.jspecify.annotations.Nullable;

/**
 * Opens a {@link JdbcStorage} for {@code Crm.builder().build()} when the host gives no storage. It reads
 * {@code ecrm.jdbc.url} (then {@code ecrm.jdbc.user}, {@code ecrm.jdbc.password}) from the system
 * properties, else from the environment as {@code ECRM_JDBC_URL}, {@code ECRM_JDBC_USER},
 * {@code ECRM_JDBC_PASSWORD}.
 *
 * <p>Without a URL, {@link #open()} throws a {@link StoreException} saying so; crm-core's discovery logs
 * that and skips the provider, so the CRM falls back to the next provider or to in-memory storage: being
 * on the class path changes nothing until a URL is configured. Stateless and thread-safe.
 */
public final class JdbcStorageProvider implements StorageProvider {
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

  /** 10: a configured database wins over providers at the default priority 0. */
  @Override
  public int priority() {
    return 10;
  }

  /** Whether {@code ecrm.jdbc.url} is set, so that {@link #open()} would try to connect. */
  public static boolean configured() {
    return setting(URL) != null;
  }

  @Override
  public Storage open() {
    String url = setting(URL);
    if (url == null) {
      throw new StoreException("JDBC storage not configured: set the system property " + URL
          + " or the environment variable " + envName(URL));
    }
    return JdbcStorage.open(url, setting(USER), setting(PASSWORD), 10);
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
