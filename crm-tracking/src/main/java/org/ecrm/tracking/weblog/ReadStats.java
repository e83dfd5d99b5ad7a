package org.ecrm.tracking.weblog;

/**
 * Counts from reading one log. Immutable and thread-safe.
 *
 * @param lines lines read (a final line without a newline counts; an empty file has none)
 * @param parsed lines that became {@link LogRecord}s
 * @param malformed lines rejected with a {@link LogLineError}
 * @param bytes bytes read (after gzip decompression)
 */
public record ReadStats(long lines, long parsed, long malformed, long bytes) {}
