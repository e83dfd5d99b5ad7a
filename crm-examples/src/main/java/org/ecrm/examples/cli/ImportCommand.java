package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecrm.core.Crm;
import org.ecrm.core.io.EntityKind;
import org.ecrm.core.io.ImportFormat;
import org.ecrm.core.io.ImportRequest;
import org.ecrm.core.io.ImportResult;
import org.ecrm.core.io.InputFiles;
import org.ecrm.core.io.RejectedRow;
import org.ecrm.core.io.SafeText;
import org.ecrm.core.io.UpsertKey;
import org.ecrm.core.service.ArchiveSummary;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecrm import}: CSV / JSON Lines rows with upsert, or a whole archive. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import customers, accounts, products or orders from CSV or JSON Lines (plain or gzip),",
        "or a whole CRM archive with --archive. Rejected rows are counted by reason and listed (see --rejects);",
        "when more were rejected than --max-rejects allows, the exit code is 1 and the store is left unchanged."})
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

  @Option(names = "--date-format", description = "Pattern of date-time fields, e.g. 'yyyy-MM-dd HH:mm:ss' or 'dd/MM/yyyy' (a date is the start of that day in --zone).")
  @Nullable String dateFormat;

  @Option(names = "--zone", description = "Zone of date-times without offset and of dates (default: ${DEFAULT-VALUE}).", defaultValue = "UTC")
  String zone;

  @Option(names = "--cancellation-prefix", description = "Order ids with this prefix are cancellations (refunds).")
  @Nullable String cancellationPrefix;

  @Option(names = "--strip-float-ids", description = "Read ids written as floats ('17850.0') as '17850'.")
  boolean stripFloatIds;

  @Option(names = "--archive", description = "FILE is a whole CRM archive (JSON Lines from 'ecrm export').")
  boolean archive;

  @Option(names = "--dry-run", description = "Validate and count without writing.")
  boolean dryRun;

  @Option(names = "--strict", description = "Exit with 1 and leave the store unchanged when any row was rejected,"
      + " whatever --max-rejects says; a column that maps to no field is an error, not a warning.")
  boolean strict;

  @Option(names = "--max-field-length", paramLabel = "CHARS",
      description = "Longest accepted field; a longer one rejects its row (default: 1048576).")
  int maxFieldLength = org.ecrm.core.io.InputFiles.DEFAULT_MAX_FIELD_LENGTH;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Mixin
  Rejects rejects;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    rejects.check(spec.commandLine());
    if (maxFieldLength < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--max-field-length must be positive: " + maxFieldLength);
    }
    if (strict) {
      rejects.max = 0;
    }
    Outputs.refuseInput(spec.commandLine(), "--store", storeOptions.store, file);
    Outputs.refuseInput(spec.commandLine(), "--rejects", rejects.file, file, storeOptions.store);
    ImportRequest request = archive ? null : request(null);
    if (!Files.isRegularFile(file)) {
      err.println("ecrm import: " + SafeText.abbreviate(file.toString()) + ": no such file");
      return CrmCli.BAD_INPUT;
    }
    String name = file.toString();
    try (StoreOptions store = storeOptions) {
      Crm crm = store.open();
      long size = Files.size(file);
      try (InputStream raw = Files.newInputStream(file);
          CountingInput counted = new CountingInput(raw, size);
          InputFiles.CompleteLines in = InputFiles.openCompleteLines(counted);
          Reader reader = InputFiles.reader(in)) {
        boolean save;
        if (archive) {
          ArchiveSummary s;
          try {
            // strict (all or nothing) unless rejections are allowed: then the valid records load
            s = crm.archive().importAll(reader, rejects.max > 0 ? org.ecrm.core.service.Archive.Mode.PARTIAL
                : org.ecrm.core.service.Archive.Mode.STRICT);
          } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new BadInputException("import: " + SafeText.abbreviate(name) + ": "
                + SafeText.abbreviate(String.valueOf(e.getMessage())));
          }
          s.rejected().forEach(r -> rejects.add(name, r.line(), "record", r.reason(), ""));
          in.truncation().ifPresent(t -> rejects.add(name, in.lines(), "", t, ""));
          out.println("imported " + s.counts() + ", rejected " + s.rejected().size());
          save = rejects.tolerated();
        } else {
          Progress progress = new Progress(err, System.console() != null, quiet, counted);
          ImportResult r = crm.imports().run(request(progress), reader);
          progress.done();
          for (RejectedRow row : r.rejections()) {
            rejects.add(name, row.line(), row.field(), row.reason(), "");
          }
          in.truncation().ifPresent(t -> rejects.add(name, in.lines(), "", t, ""));
          for (String w : r.warnings()) { // unmapped columns, once per file
            err.println("ecrm import: " + SafeText.abbreviate(name) + ": warning: " + SafeText.abbreviate(w));
          }
          // field names come from the file's header: escaped like any data
          out.println(SafeText.abbreviate(String.format(java.util.Locale.ROOT,
              "%s%s: %d rows, %d created, %d updated, %d unchanged, %d rejected %s in %.1f s (%.0f rows/s)",
              dryRun ? "dry run of " : "", kind.name().toLowerCase(java.util.Locale.ROOT), r.rows(), r.created(),
              r.updated(), r.unchanged(), r.rejected(), r.rejectedByField(), r.elapsed().toMillis() / 1000.0,
              r.rowsPerSecond()), 2000));
          save = !dryRun && rejects.tolerated();
        }
        out.flush();
        int code = rejects.finish("import", err);
        if (save) {
          store.save(crm);
        } else if (store.store != null && !dryRun) {
          err.println("ecrm import: store " + SafeText.abbreviate(store.store.toString())
              + " left unchanged: more rows rejected than --max-rejects " + rejects.max + " allows");
        }
        return code;
      }
    } catch (NoSuchFileException e) {
      err.println("ecrm import: " + SafeText.abbreviate(String.valueOf(e.getFile())) + ": no such file");
      return CrmCli.BAD_INPUT;
    }
  }

  private ImportRequest request(@Nullable Progress progress) {
    ImportFormat f = format != null ? parseFormat(format)
        : file.toString().matches(".*\\.(jsonl|ndjson)(\\.gz)?$") ? ImportFormat.JSON_LINES : ImportFormat.CSV;
    ImportRequest.Builder b = ImportRequest.builder(kind, f).dryRun(dryRun).strictColumns(strict)
        .maxFieldLength(maxFieldLength);
    if (progress != null) {
      b.listener(progress);
    }
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
    b.zone(zone);
    if (dateFormat != null) {
      b.dateTimeFormat(dateFormat);
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
