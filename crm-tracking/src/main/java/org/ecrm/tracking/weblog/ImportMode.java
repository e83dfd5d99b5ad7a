package org.ecrm.tracking.weblog;

/** How {@link WebLogImport} orders the page views before cutting sessions. Immutable and thread-safe. */
public enum ImportMode {
  /**
   * The default for files: every page view is sorted by time (an external merge sort that spills to
   * temporary files, so memory does not grow with the file) before sessions are cut. The sessions equal
   * those of the same lines sorted by time, whatever the order of the lines; nothing is late.
   */
  BATCH,
  /**
   * One pass with the live {@link org.ecrm.tracking.session.Sessionizer}: lines may be out of order by up
   * to the allowed lateness; older ones are late hits, counted in the report and given to the late-hit
   * sink. For tailing a log that is still being written.
   */
  STREAMING
}
