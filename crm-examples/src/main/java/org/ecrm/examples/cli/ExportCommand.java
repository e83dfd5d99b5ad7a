package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ecrm.core.Crm;
import org.ecrm.core.service.ArchiveSummary;
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
    Outputs.refuseInput(spec.commandLine(), "--out", outFile, storeOptions.store);
    try (StoreOptions store = storeOptions) {
      Crm crm = store.open();
      PrintWriter err = spec.commandLine().getErr();
      ArchiveSummary[] s = new ArchiveSummary[1];
      if (outFile == null) {
        PrintWriter out = spec.commandLine().getOut();
        s[0] = crm.archive().exportAll(out);
        out.flush();
      } else {
        Outputs.write(outFile, w -> s[0] = crm.archive().exportAll(w));
      }
      err.println("exported " + s[0].counts());
      return CrmCli.OK;
    }
  }
}
