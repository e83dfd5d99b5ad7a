package org.ecrm.examples.embed;

import java.nio.file.Path;

/** Run in a child JVM by {@link JournalStorageFailureTest}: holds a journal open until stdin closes. */
public final class JournalLockHolder {
  private JournalLockHolder() {}

  public static void main(String[] args) throws Exception {
    try (JournalStorage storage = JournalStorage.open(Path.of(args[0]))) {
      System.out.println("locked " + storage.customers().count());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin
      }
    }
  }
}
