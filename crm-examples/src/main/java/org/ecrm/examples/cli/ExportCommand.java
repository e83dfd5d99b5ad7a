package org.ecrm.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ecrm.core.Crm;
import org.ecrm.core.service.ArchiveSummary;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecrm export}: the whole CRM as a JSON Lines archive. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Exports the whole CRM (from --store) as a versioned JSON Lines archive, the input of "
        + "import --archive. The archive is the output, so there is no --format; the record counts go to "
        + "standard error unless --quiet is given."})
final class ExportCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreOptions storeOptions;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "The archive file to write; - or no option writes to standard output.")
  @Nullable Path outFile;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    common.check(cl);
    storeOptions.check(cl);
    Outputs.refuseInput(cl, "--out", outFile, storeOptions.store);
    try (StoreOptions store = storeOptions) {
      Crm crm = store.open();
      ArchiveSummary[] s = new ArchiveSummary[1];
      Outputs.write(cl.getOut(), outFile, w -> s[0] = crm.archive().exportAll(w));
      if (!common.quiet) {
        cl.getErr().println("exported " + new java.util.TreeMap<>(s[0].counts()));
      }
      return CrmCli.OK;
    }
  }
}
