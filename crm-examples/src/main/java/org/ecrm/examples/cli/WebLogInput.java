package org.ecrm.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.ecrm.tracking.IpMasking;
import org.ecrm.tracking.session.SessionSink;
import org.ecrm.tracking.weblog.ImportReport;
import org.ecrm.tracking.weblog.WebLogImport;
import picocli.CommandLine.Option;

/** The web-log options shared by {@code sessions} and {@code report}, and the import into session sinks. */
final class WebLogInput {
  @Option(names = "--zone", defaultValue = "UTC", description = "Zone of the daily figures (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(names = "--mask-ips", description = "Mask client IPs (1 IPv4 octet, 80 IPv6 bits) before sessionizing.")
  boolean maskIps;

  /**
   * Reads the log (plain or gzip) into {@code sinks}; malformed lines go to {@code err} as {@code file:line: reason}.
   *
   * @throws BadInputException when the file does not exist
   */
  ImportReport read(String command, Path file, PrintWriter err, SessionSink... sinks) {
    BadInputException.requireFile(command, file);
    ImportReport r = WebLogImport.builder().ipMasking(maskIps ? IpMasking.DEFAULT : IpMasking.NONE)
        .sessionSink(SessionSink.tee(sinks))
        .errorListener(e -> err.println(file + ":" + e.lineNumber() + ": " + e.reason())).build().run(file);
    err.flush();
    return r;
  }

  java.time.ZoneId zoneId() {
    return java.time.ZoneId.of(zone);
  }
}
