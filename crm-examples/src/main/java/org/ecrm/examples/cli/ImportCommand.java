package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.ecrm.core.ArchiveSummary;
import org.ecrm.core.Crm;
import org.ecrm.core.io.EntityKind;
import org.ecrm.core.io.ImportFormat;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.io.ImportResult;
import org.ecrm.core.io.RejectedRow;
import org.ecrm.core.io.UpsertKey;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecrm import}: CSV / JSON Lines rows with upsert, or a whole archive. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import customers, accounts, products or orders from CSV or JSON Lines (.gz read as gzip),",
        "or a whole CRM archive with --archive. Rejected rows are listed on stderr with line, field and reason."})
final class ImportCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreOptions storeOptions;

  @Parameters(index = "0", paramLabel = "FILE", description = "The input file.")
  Path file;

  @Option(names = "--kind", description = "customer, account, product or order (default: ${DEFAULT-VALUE}).",
      defaultValue = "CUSTOMER", converter = KindConverter.class)
  EntityKind kind;

  @Option(names = "--format", description = "csv or jsonl (default: from the file name).")
  @Nullable String format;

  @Option(names = "--map", paramLabel = "COLUMN=FIELD", description = "Map an input column to a field, e.g. CustomerID=id.")
  Map<String, String> mapping = new LinkedHashMap<>();

  @Option(names = "--upsert-by", description = "id, email or external (default: ${DEFAULT-VALUE}).", defaultValue = "id")
  String upsertBy;

  @Option(names = "--external-system", description = "The identity system for --upsert-by external.")
  @Nullable String externalSystem;

  @Option(names = "--currency", description = "Currency of money fields without a currency column, e.g. GBP.")
  @Nullable String currency;

  @Option(names = "--date-format", description = "Pattern of date-time fields, e.g. 'yyyy-MM-dd HH:mm:ss'.")
  @Nullable String dateFormat;

  @Option(names = "--zone", description = "Zone of date-times without offset (default: ${DEFAULT-VALUE}).", defaultValue = "UTC")
  String zone;

  @Option(names = "--cancellation-prefix", description = "Order ids with this prefix are cancellations (refunds).")
  @Nullable String cancellationPrefix;

  @Option(names = "--strip-float-ids", description = "Read ids written as floats ('17850.0') as '17850'.")
  boolean stripFloatIds;

  @Option(names = "--archive", description = "FILE is a whole CRM archive (JSON Lines from 'ecrm export').")
  boolean archive;

  @Option(names = "--dry-run", description = "Validate and count without writing.")
  boolean dryRun;

  @Option(names = "--strict", description = "Exit with 1 when any row was rejected.")
  boolean strict;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      err.println("ecrm import: " + file + ": no such file");
      return CrmCli.BAD_INPUT;
    }
    Crm crm = storeOptions.open();
    long size = Files.size(file);
    try (InputStream raw = Files.newInputStream(file);
        CountingInput counted = new CountingInput(raw, size);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(counted, 1 << 16) : counted;
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      if (archive) {
        ArchiveSummary s = crm.archive().importAll(reader);
        s.rejected().forEach(r -> err.println(file + ":" + r.line() + ": " + r.reason()));
        out.println("imported " + s.counts() + ", rejected " + s.rejected().size());
        storeOptions.save(crm);
        return strict && !s.rejected().isEmpty() ? CrmCli.BAD_INPUT : CrmCli.OK;
      }
      Progress progress = new Progress(err, System.console() != null, quiet, counted);
      ImportResult r = crm.imports().run(request(progress), reader);
      progress.done();
      for (RejectedRow row : r.rejections()) {
        err.println(file + ":" + row.line() + ": " + row.field() + ": " + row.reason());
      }
      out.printf(java.util.Locale.ROOT, "%s%s: %d rows, %d created, %d updated, %d unchanged, %d rejected %s in %.1f s (%.0f rows/s)%n",
          dryRun ? "dry run of " : "", kind.name().toLowerCase(java.util.Locale.ROOT), r.rows(), r.created(),
          r.updated(), r.unchanged(), r.rejected(), r.rejectedByField(), r.elapsed().toMillis() / 1000.0,
          r.rowsPerSecond());
      if (!dryRun) {
        storeOptions.save(crm);
      }
      return strict && r.rejected() > 0 ? CrmCli.BAD_INPUT : CrmCli.OK;
    } catch (NoSuchFileException e) {
      err.println("ecrm import: " + e.getFile() + ": no such file");
      return CrmCli.BAD_INPUT;
    }
  }

  private ImportRequest request(Progress progress) {
    ImportFormat f = format != null ? parseFormat(format)
        : file.toString().matches(".*\\.(jsonl|ndjson)(\\.gz)?$") ? ImportFormat.JSON_LINES : ImportFormat.CSV;
    ImportRequest.Builder b = ImportRequest.builder(kind, f).listener(progress).dryRun(dryRun);
    mapping.forEach(b::map);
    switch (upsertBy.toLowerCase(java.util.Locale.ROOT)) {
      case "id" -> b.upsertBy(UpsertKey.ID);
      case "email" -> b.upsertBy(UpsertKey.EMAIL);
      case "external" -> b.upsertBy(UpsertKey.EXTERNAL_ID);
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--upsert-by must be id, email or external: " + upsertBy);
    }
    if (externalSystem != null) {
      b.externalSystem(externalSystem);
    }
    if (currency != null) {
      b.defaultCurrency(currency);
    }
    if (dateFormat != null) {
      b.dateTimeFormat(dateFormat, zone);
    }
    if (cancellationPrefix != null) {
      b.cancellationPrefix(cancellationPrefix);
    }
    if (stripFloatIds) {
      for (String field : new String[] {"id", "customerId"}) {
        b.transform(field, v -> v.endsWith(".0") ? v.substring(0, v.length() - 2) : v);
      }
    }
    return b.build();
  }

  private ImportFormat parseFormat(String f) {
    return switch (f.toLowerCase(java.util.Locale.ROOT)) {
      case "csv" -> ImportFormat.CSV;
      case "jsonl", "json-lines", "ndjson" -> ImportFormat.JSON_LINES;
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--format must be csv or jsonl: " + f);
    };
  }

  /** Reads {@code customer}, {@code orders}, ... case-insensitively, plural or not. */
  static final class KindConverter implements picocli.CommandLine.ITypeConverter<EntityKind> {
    @Override
    public EntityKind convert(String value) {
      String v = value.toUpperCase(java.util.Locale.ROOT);
      v = v.endsWith("S") ? v.substring(0, v.length() - 1) : v;
      try {
        return EntityKind.valueOf(v);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "must be customer, account, product or order: " + value);
      }
    }
  }
}
