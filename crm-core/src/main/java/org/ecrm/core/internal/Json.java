package org.ecrm.core.internal;

import org.ecrm.core.internal.check.JacksonCheck;
import org.ecrm.core.json.CrmJacksonModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library's own jackson-databind mapper with the domain module, for the parts that bind domain records
 * (the archive and the privacy export). Created on first use, after {@link JacksonCheck}. Immutable and
 * thread-safe.
 */
public final class Json {
  private Json() {}

  /**
   * The shared mapper.
   *
   * @param part the part asking, named in the error when jackson-databind cannot run
   * @return the mapper
   * @throws IllegalStateException when the jackson-annotations present is too old for jackson-databind 3
   */
  public static JsonMapper mapper(String part) {
    JacksonCheck.requireDatabind(part);
    try {
      return Holder.MAPPER;
    } catch (LinkageError e) {
      throw new IllegalStateException(JacksonCheck.message(part, "that does not match jackson-databind "
          + tools.jackson.databind.cfg.PackageVersion.VERSION + " (" + e + ")"), e);
    }
  }

  private static final class Holder {
    static final JsonMapper MAPPER = JsonMapper.builder().addModule(new CrmJacksonModule()).build();
  }
}
