package org.ecrm.examples.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.ecrm.core.ArchiveSummary;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Actor;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where the CLI keeps the CRM between runs: a JSON Lines archive file loaded at start and written back
 * at the end ({@code --store}); without it the CRM lives in memory for one command.
 */
final class StoreOptions {
  @Option(names = "--store", paramLabel = "FILE",
      description = "CRM archive (JSON Lines) to load before and save after the command.")
  @Nullable Path store;

  /** Opens the CRM, loading the store file when it exists. */
  Crm open() {
    Crm crm = Crm.builder().discoverStorage(false).build().as(Actor.service("ecrm-cli"));
    if (store != null && Files.exists(store)) {
      try (BufferedReader in = Files.newBufferedReader(store, StandardCharsets.UTF_8)) {
        ArchiveSummary s = crm.archive().importAll(in);
        if (!s.rejected().isEmpty()) {
          ArchiveSummary.Rejected first = s.rejected().get(0);
          throw new IllegalArgumentException(store + ":" + first.line() + ": " + first.reason()
              + " (" + s.rejected().size() + " bad lines)");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + store + ": " + e.getMessage(), e);
      }
    }
    return crm;
  }

  /** Writes the CRM back to the store file, if one was given (atomically, through a temp file). */
  void save(Crm crm) {
    if (store == null) {
      return;
    }
    Path tmp = store.resolveSibling(store.getFileName() + ".tmp");
    try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      crm.archive().exportAll(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + store + ": " + e.getMessage(), e);
    }
    try {
      Files.move(tmp, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + store + ": " + e.getMessage(), e);
    }
  }
}
