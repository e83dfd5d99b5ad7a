package org.ecrm.examples.cli;

import java.nio.file.Path;

/**
 * Test helper run in a second JVM: takes the lock of the store given as the argument, prints
 * {@code locked}, and holds it until its standard input ends.
 */
public final class StoreLockHolder {
  private StoreLockHolder() {
  }

  public static void main(String[] args) throws Exception {
    StoreOptions options = new StoreOptions();
    options.store = Path.of(args[0]);
    options.lock();
    System.out.println("locked");
    System.out.flush();
    while (System.in.read() >= 0) {
      // hold the lock until the parent closes our input
    }
    options.close();
  }
}
