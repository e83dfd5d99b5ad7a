package org.ecrm.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.ecrm.core.io.SafeText;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * Output files of the command line: never one of the inputs, and written to a unique temporary file in
 * the target's directory that replaces the target atomically only when everything was written (a failed
 * run leaves the previous file as it was). Stateless.
 */
final class Outputs {
  private Outputs() {
  }

  /** What writes the content. */
  @FunctionalInterface
  interface Body {
    void write(Writer w) throws IOException;
  }

  /**
   * A usage error (exit 2) when {@code out} is the same file as one of {@code inputs} (real paths
   * compared, so links and {@code ./} do not hide it).
   */
  static void refuseInput(CommandLine cl, String option, @Nullable Path out, @Nullable Path... inputs) {
    if (out == null || Inputs.isDash(out)) {
      return;
    }
    for (Path in : inputs) {
      if (in != null && !Inputs.isDash(in) && same(out, in)) {
        throw new CommandLine.ParameterException(cl, option + " " + SafeText.abbreviate(out.toString())
            + " is the input " + SafeText.abbreviate(in.toString()) + "; refusing to overwrite it");
      }
    }
  }

  static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // fall through to the name comparison
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /**
   * A usage error (exit 2) when more than one output goes to standard output. Arguments come in pairs:
   * the option's name, then {@code "-"} when it writes to standard output (callers pass {@code "-"} for
   * an option whose default is standard output) or anything else.
   */
  static void oneStdout(CommandLine cl, String... optionAndValue) {
    int n = 0;
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < optionAndValue.length; i += 2) {
      if ("-".equals(optionAndValue[i + 1])) {
        n++;
        names.append(names.length() == 0 ? "" : " and ").append(optionAndValue[i]);
      }
    }
    if (n > 1) {
      throw new CommandLine.ParameterException(cl, names + " cannot all write to standard output (-)");
    }
  }

  /** Writes to {@code target}, or to {@code stdout} when {@code target} is {@code null} or {@code -}. */
  static void write(Writer stdout, @Nullable Path target, Body body) throws IOException {
    if (target == null || Inputs.isDash(target)) {
      body.write(stdout);
      stdout.flush();
    } else {
      write(target, body);
    }
  }

  /** Writes {@code target} through a unique temporary file moved over it atomically on success. */
  static void write(Path target, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    boolean done = false;
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
          Writer w = new BufferedWriter(Channels.newWriter(ch, StandardCharsets.UTF_8), 1 << 16)) {
        body.write(w);
        w.flush();
        ch.force(true);
      }
      permissions(tmp, abs);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** The temp file gets the target's permissions, or rw-r--r-- for a new file (temp files are rw-------). */
  private static void permissions(Path tmp, Path target) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    view.setPermissions(Files.exists(target) ? Files.getPosixFilePermissions(target)
        : PosixFilePermissions.fromString("rw-r--r--"));
  }
}
