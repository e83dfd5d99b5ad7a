package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.ecrm.core.io.InputFiles;
import org.ecrm.core.io.SafeText;
import org.ecrm.tracking.IpMasking;
import org.ecrm.tracking.session.SessionSink;
import org.ecrm.tracking.weblog.ImportReport;
import org.ecrm.tracking.weblog.WebLogImport;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The web-log options shared by {@code sessions} and {@code report}, and the import into session sinks. */
final class WebLogInput {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "Time zone of the daily figures, e.g. Europe/Paris (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(names = "--mask-ips",
      description = "Mask client IP addresses (the last IPv4 octet, the last 80 IPv6 bits) before "
          + "sessionizing.")
  boolean maskIps;

  private @Nullable ZoneId zoneId;

  /** Usage checks (exit 2): the zone. */
  void check(CommandLine cl) {
    try {
      zoneId = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new CommandLine.ParameterException(cl, "--zone must be a time zone such as UTC or Europe/Paris: "
          + SafeText.abbreviate(zone));
    }
  }

  /**
   * Reads the log ({@code -} for standard input; plain or gzip, told by its first bytes) into {@code sinks}; malformed lines and a
   * truncated gzip stream go to {@code rejects} (the lines before the cut are used).
   *
   * @throws BadInputException when the file does not exist or cannot be read
   */
  ImportReport read(String command, Path file, Rejects rejects, SessionSink... sinks) {
    Inputs.require(command, file);
    String name = Inputs.name(file);
    CrmCli cli = CommonOptions.cli(mixee);
    Ticker.Mode mode = CommonOptions.progressMode(mixee);
    try (CountingInput counted = new CountingInput(Inputs.openRaw(cli, file),
            Inputs.isDash(file) ? 0 : java.nio.file.Files.size(file));
        InputFiles.CompleteLines in = InputFiles.openCompleteLines(counted);
        Ticker ticker = Ticker.start(mixee.commandLine().getErr(), "ecrm " + mixee.name(),
            () -> "reading " + SafeText.abbreviate(name, 40) + ", " + counted.status(), mode,
            cli.progressDelayMillis())) {
      ImportReport r = WebLogImport.builder().ipMasking(maskIps ? IpMasking.DEFAULT : IpMasking.NONE)
          .sessionSink(SessionSink.tee(sinks))
          .errorListener(e -> rejects.add(name, e.lineNumber(), "line", e.reason(), e.excerpt())).build().run(in);
      in.truncation().ifPresent(t -> rejects.add(name, in.lines(), "", t, ""));
      return r;
    } catch (IOException | UncheckedIOException e) {
      throw new BadInputException(command + ": " + SafeText.abbreviate(name) + ": "
          + SafeText.abbreviate(String.valueOf(e.getMessage())));
    }
  }

  ZoneId zoneId() {
    return zoneId != null ? zoneId : ZoneId.of(zone);
  }
}
