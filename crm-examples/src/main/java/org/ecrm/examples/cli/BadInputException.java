package org.ecrm.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Bad input the user can fix (a missing or invalid file): exit code 1, the message on standard error. */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }

  /** Throws {@code "command: file: no such file"} unless {@code file} is a regular file. */
  static void requireFile(String command, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(command + ": " + file + ": no such file");
    }
  }
}
