package org.ecrm.core;

import java.io.Reader;
import java.io.Writer;

/**
 * The exit strategy: the whole database as versioned JSON Lines, streamed in both directions.
 *
 * <p>Format: the first line is {@code {"format":"ecrm-archive","version":1}}; every other line is one
 * record, {@code {"type":"customer|account|product|order|interaction|case|article|opportunity|questionnaire|response|consent|preferences|points|audit","data":{...}}},
 * in that type order, each type in id order (audit in append order). Exporting, importing into an
 * empty storage and exporting again gives identical output. Thread-safe; an export taken while others
 * write is not a snapshot.
 */
public interface Archive {

  /**
   * Writes every record to {@code out} (not closed), one line each.
   *
   * @return what was written, per type
   */
  ArchiveSummary exportAll(Writer out);

  /**
   * Reads an archive into the storage, keeping ids, versions and instants. Records go straight to the
   * stores: no events fire and no audit records are added (the archive's own audit lines are
   * restored). A line that cannot be read or stored (bad JSON, unknown type, invalid field, duplicate
   * key) is reported with its line number and reason and the import goes on.
   *
   * @return what was stored per type, and every rejected line
   * @throws IllegalArgumentException if the first line is not a supported archive header
   */
  ArchiveSummary importAll(Reader in);
}
