package org.ecrm.core.io;

/**
 * Receives progress of a running import, on the importing thread: every
 * {@link ImportRequest.Builder#progressEvery(int)} rows and once at the end.
 */
@FunctionalInterface
public interface ImportListener {
  /** A listener that ignores progress. */
  ImportListener NONE = (rows, rate) -> { };

  /** @param rowsDone data rows read so far @param rowsPerSecond the average rate so far */
  void onProgress(long rowsDone, double rowsPerSecond);
}
