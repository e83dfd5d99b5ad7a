package org.ecrm.tracking;

/** What {@link Tracker#track} does when the buffer is full. Immutable and thread-safe. */
public enum OverflowPolicy {
  /** Wait up to the block timeout for room; then refuse ({@link TrackResult#BUFFER_FULL}). */
  BLOCK,
  /** Accept the new event and drop the oldest buffered one (to the failed sink, counted as dropped). */
  DROP_OLDEST,
  /** Refuse the new event at once ({@link TrackResult#BUFFER_FULL}). */
  REJECT
}
