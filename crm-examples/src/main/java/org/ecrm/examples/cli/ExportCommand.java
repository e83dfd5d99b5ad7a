package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ecrm.core.ArchiveSummary;
import org.ecrm.core.Crm;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecrm export}: the whole CRM as a JSON Lines archive. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export the whole CRM (from --store) as a versioned JSON Lines archive.")
final class ExportCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreOptions storeOptions;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Output file (default: standard output).")
  @Nullable Path outFile;

  @Override
  public Integer call() throws IOException {
    Crm crm = storeOptions.open();
    PrintWriter err = spec.commandLine().getErr();
    ArchiveSummary s;
    if (outFile == null) {
      PrintWriter out = spec.commandLine().getOut();
      s = crm.archive().exportAll(out);
    } else {
      try (Writer w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
        s = crm.archive().exportAll(w);
      }
    }
    err.println("exported " + s.counts());
    return CrmCli.OK;
  }
}
