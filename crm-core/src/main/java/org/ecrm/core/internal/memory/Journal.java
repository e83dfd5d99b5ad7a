package org.ecrm.core.internal.memory;

import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The in-memory storage's transactions: one operation at a time holds the write lock, and every write
 * it makes records how to undo itself; when the operation throws, the undo actions run newest first,
 * so a failed operation leaves every store as it found it. Writes made outside an operation are not
 * journalled. Readers take no lock: they may see an operation in progress (read uncommitted).
 * Thread-safe.
 */
final class Journal {
  private final ReentrantLock lock = new ReentrantLock();
  private final ThreadLocal<ArrayDeque<Runnable>> undo = new ThreadLocal<>();

  /**
   * Runs {@code work} as one operation. A call inside a running operation joins it as a savepoint: if
   * it throws, the writes it made are undone (newest first) and the outer operation may go on.
   */
  <T> T run(Supplier<T> work) {
    ArrayDeque<Runnable> running = undo.get();
    if (running != null) {
      int mark = running.size();
      try {
        return work.get();
      } catch (RuntimeException | Error e) {
        undo.remove(); // undo actions are not themselves journalled
        try {
          while (running.size() > mark) {
            try {
              running.pop().run();
            } catch (RuntimeException u) {
              e.addSuppressed(u);
            }
          }
        } finally {
          undo.set(running);
        }
        throw e;
      }
    }
    lock.lock();
    ArrayDeque<Runnable> log = new ArrayDeque<>();
    undo.set(log);
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      undo.remove(); // undo actions are not themselves journalled
      while (!log.isEmpty()) {
        try {
          log.pop().run();
        } catch (RuntimeException u) {
          e.addSuppressed(u);
        }
      }
      throw e;
    } finally {
      undo.remove();
      lock.unlock();
    }
  }

  /** Records how to undo a write just made, when an operation is running on this thread. */
  void record(Runnable undoAction) {
    ArrayDeque<Runnable> log = undo.get();
    if (log != null) {
      log.push(undoAction);
    }
  }
}
