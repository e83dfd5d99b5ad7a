package org.ecrm.core.io;

import java.io.Reader;
import java.nio.file.Path;

/**
 * Runs bulk imports through the facade (so events fire and the audit trail records the import's
 * actor). Streaming: memory does not grow with the input, only with the rejected rows kept for the
 * result. Thread-safe; one import runs on the calling thread.
 */
public interface Imports {

  /**
   * Imports from a reader (not closed).
   *
   * @throws IllegalArgumentException if a mapping names a field the entity does not have, if two CSV
   *     columns map to one field, or, with {@link ImportRequest.Builder#strictColumns(boolean)}, if a
   *     CSV column maps to no field; nothing is written then
   * @throws java.io.UncheckedIOException if reading fails
   */
  ImportResult run(ImportRequest request, Reader in);

  /** Imports from a UTF-8 file; a name ending in {@code .gz} is read as gzip. */
  ImportResult run(ImportRequest request, Path file);
}
