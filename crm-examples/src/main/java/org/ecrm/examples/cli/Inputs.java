package org.ecrm.examples.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.ecrm.core.io.SafeText;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * File arguments of the command line: {@code -} is standard input (for an input) or standard output (for
 * an output); anything else is a path. Stateless.
 */
final class Inputs {
  /** How standard input is named in messages. */
  static final String STDIN = "stdin";

  private Inputs() {
  }

  /** Whether {@code p} is {@code -}. */
  static boolean isDash(@Nullable Path p) {
    return p != null && p.toString().equals("-");
  }

  /** The name of an input in messages: the path, or {@value #STDIN}. */
  static String name(Path p) {
    return isDash(p) ? STDIN : p.toString();
  }

  /** A usage error (exit 2) when more than one of {@code inputs} is {@code -}. */
  static void oneStdin(CommandLine cl, @Nullable Path... inputs) {
    int n = 0;
    for (Path p : inputs) {
      if (isDash(p)) {
        n++;
      }
    }
    if (n > 1) {
      throw new CommandLine.ParameterException(cl, "standard input (-) can be read only once; give files");
    }
  }

  /** Throws {@code "command: file: no such file"} unless {@code file} is {@code -} or a regular file. */
  static void require(String command, Path file) {
    if (!isDash(file)) {
      BadInputException.requireFile(command, file);
    }
  }

  /**
   * The raw bytes of {@code file} (gzip or not), or standard input for {@code -} (closing the result does
   * not close standard input).
   */
  static InputStream openRaw(CrmCli cli, Path file) throws IOException {
    if (isDash(file)) {
      return new FilterInputStream(cli.stdin()) {
        @Override
        public void close() {
          // standard input stays open
        }
      };
    }
    return Files.newInputStream(file);
  }

  /**
   * A readable file for readers that take a path: {@code file} itself, or for {@code -} standard input
   * copied as it is (gzip stays gzip) to a temporary file that is deleted when the command line ends.
   * {@code copied} counts the bytes copied, for progress.
   */
  static Path readable(CrmCli cli, String command, Path file, AtomicLong copied) {
    if (!isDash(file)) {
      BadInputException.requireFile(command, file);
      return file;
    }
    Path tmp = cli.temporaryFile("ecrm-stdin-");
    InputStream in = cli.stdin(); // left open: it is the process's
    try (OutputStream out = Files.newOutputStream(tmp)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        copied.addAndGet(n);
      }
    } catch (IOException e) {
      throw new BadInputException(command + ": " + STDIN + ": " + SafeText.abbreviate(String.valueOf(e.getMessage())));
    }
    return tmp;
  }

  /** {@code message} with the path of a copy of standard input replaced by {@value #STDIN}. */
  static String clean(String message, Path read, Path given) {
    return read.equals(given) ? message : message.replace(read.toString(), STDIN);
  }
}
