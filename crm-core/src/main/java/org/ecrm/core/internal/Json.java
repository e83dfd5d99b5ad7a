package org.ecrm.core.internal;

import org.ecrm.core.json.CrmJacksonModule;
import tools.jackson.databind.json.JsonMapper;

/** The library's own JSON mapper with the domain module. Immutable and thread-safe. */
public final class Json {
  /** The shared mapper. */
  public static final JsonMapper MAPPER = JsonMapper.builder().addModule(new CrmJacksonModule()).build();

  private Json() {}
}
