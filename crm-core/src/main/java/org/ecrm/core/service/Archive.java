package org.ecrm.core.service;

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
   * Reads an archive into the storage in {@link Mode#STRICT} mode: all or nothing.
   *
   * @return what was stored per type, and every rejected line (when there is one, nothing was stored)
   * @throws IllegalArgumentException if the first line is not a header of exactly this format version
   */
  default ArchiveSummary importAll(Reader in) {
    return importAll(in, Mode.STRICT);
  }

  /**
   * Reads an archive into the storage, keeping ids, versions and instants. Records go straight to the
   * stores: no events fire and no audit records are added (the archive's own audit lines are
   * restored).
   *
   * <p>The whole archive is read and checked before anything is stored: the header must name exactly
   * this format version; every line must be a complete JSON record of a known type whose data is
   * valid; ids and unique keys (e-mail addresses, external ids, questionnaire versions, points source
   * events) must be unique across the archive and not already in the storage; references (orders,
   * interactions, cases, consents, preferences, points and responses to a customer, account contacts,
   * opportunities to an account, responses to a questionnaire version) must point at a record of the
   * archive or of the storage; a record whose referent is rejected is rejected too. Every problem is
   * reported with its line number. Then, in {@link Mode#STRICT} mode, nothing is stored when any line
   * was rejected; in {@link Mode#PARTIAL} mode the valid records are stored. The checked records are
   * held in memory until they are stored.
   *
   * <p>Archive imports into one CRM run one at a time. The checks cover bad input; should the storage
   * itself fail while the checked records are stored (a database going away, or a record written
   * meanwhile through another service), the records stored before the failure stay, and each record
   * not stored is reported as a rejected line starting with {@code "not stored: "}.
   *
   * @return what was stored per type, and every rejected line in line order
   * @throws IllegalArgumentException if the first line is not a header of exactly this format version
   *     (nothing is stored)
   * @throws java.io.UncheckedIOException if reading fails (nothing is stored)
   */
  ArchiveSummary importAll(Reader in, Mode mode);

  /** What an archive import does when some lines are rejected. */
  enum Mode {
    /** Store nothing when any line is rejected (the default). */
    STRICT,

    /** Store every valid record, and report the rejected lines. */
    PARTIAL
  }
}
