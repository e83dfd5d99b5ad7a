package org.ecrm.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.ecrm.core.Crm;
import org.ecrm.core.io.InputFiles;
import org.ecrm.core.io.SafeText;
import org.ecrm.core.model.Actor;
import org.ecrm.core.service.ArchiveSummary;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where the CLI keeps the CRM between runs: a JSON Lines archive file loaded at start and written back
 * at the end ({@code --store}); without it the CRM lives in memory for one command. While a command
 * uses the store it holds an exclusive lock on {@code FILE.lock} (a second process gets "in use by
 * another process"); the store is replaced atomically through a unique temporary file. Not thread-safe.
 */
final class StoreOptions implements AutoCloseable {
  @Option(names = "--store", paramLabel = "FILE",
      description = "The CRM archive (JSON Lines) to load before the command and save after it; it is "
          + "locked meanwhile.")
  @Nullable Path store;

  private @Nullable FileChannel lockChannel;
  private @Nullable FileLock lock;

  /** Usage checks (exit 2): the store is a file, not standard input or output. */
  void check(picocli.CommandLine cl) {
    if (Inputs.isDash(store)) {
      throw new picocli.CommandLine.ParameterException(cl,
          "--store must be a file: it is read and written back, so - cannot stand for it");
    }
  }

  /** The lock file of {@code store}. */
  static Path lockFile(Path store) {
    return store.resolveSibling(store.getFileName() + ".lock");
  }

  /**
   * Takes the exclusive lock of {@code store}.
   *
   * @throws BadInputException "in use by another process" when another process (or command) holds it
   */
  void lock() {
    if (store == null || lock != null) {
      return;
    }
    Path lf = lockFile(store);
    try {
      FileChannel ch = FileChannel.open(lf, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        ch.close();
        throw new BadInputException("store " + SafeText.abbreviate(store.toString())
            + " is in use by another process (lock " + SafeText.abbreviate(lf.toString()) + ")");
      }
      lockChannel = ch;
      lock = l;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lf + ": " + e.getMessage(), e);
    }
  }

  /** Locks, then opens the CRM, loading the store file when it exists. */
  Crm open() {
    lock();
    Crm crm = Crm.builder().discoverStorage(false).build().as(Actor.service("ecrm-cli"));
    if (store != null && Files.exists(store)) {
      try (BufferedReader in = new BufferedReader(InputFiles.reader(store))) {
        ArchiveSummary s = crm.archive().importAll(in);
        if (!s.rejected().isEmpty()) {
          ArchiveSummary.Rejected first = s.rejected().get(0);
          throw new BadInputException("store " + SafeText.abbreviate(store.toString()) + ":" + first.line() + ": "
              + SafeText.abbreviate(first.reason()) + " (" + s.rejected().size() + " bad lines)");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + store + ": " + e.getMessage(), e);
      }
    }
    return crm;
  }

  /** Writes the CRM back to the store file, if one was given (atomically, through a unique temp file). */
  void save(Crm crm) {
    if (store == null) {
      return;
    }
    if (lock == null) {
      throw new IllegalStateException("the store is not locked");
    }
    try {
      Outputs.write(store, w -> crm.archive().exportAll(w));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + store + ": " + e.getMessage(), e);
    }
  }

  /** Releases the lock (the lock file stays: deleting it would race with a process about to lock it). */
  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock of " + store + ": " + e.getMessage(), e);
    } finally {
      lock = null;
      lockChannel = null;
    }
  }
}
