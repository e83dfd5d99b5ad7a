package org.ecrm.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.util.Locale;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;

/** {@code ecrm import}: CSV / JSON Lines rows with upsert, or a whole archive. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Imports customers, accounts, products or orders from CSV or JSON Lines, or a whole CRM "
        + "archive with --archive, and prints what was created, updated and rejected.",
        "Rejected rows are counted by reason and listed (see --rejects). When more rows were rejected than "
        + "--max-rejects allows, the exit code is 1 and the store is left unchanged."})
final class ImportCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  StoreOptions storeOptions;

  @Parameters(index = "0", paramLabel = "FILE",
      description = "The input file, or - for standard input; plain or gzip.")
  Path file;

  @Option(names = "--kind", paramLabel = "KIND", defaultValue = "CUSTOMER", converter = KindConverter.class,
      description = "What the rows are: customer, account, product or order (default: customer).")
  EntityKind kind;

  @Option(names = "--input-format", paramLabel = "FORMAT",
      description = "Input format: csv or jsonl (default: jsonl for names ending in .jsonl or .ndjson, "
          + "with or without .gz, else csv).")
  @Nullable String inputFormat;

  @Option(names = "--map", paramLabel = "COLUMN=FIELD",
      description = "Map an input column to a field, e.g. CustomerID=id; repeat for more columns.")
  Map<String, String> mapping = new LinkedHashMap<>();

  @Option(names = "--upsert-by", paramLabel = "KEY", defaultValue = "id",
      description = "What identifies an existing record: id, email or external (default: ${DEFAULT-VALUE}).")
  String upsertBy;

  @Option(names = "--external-system", paramLabel = "SYSTEM",
      description = "The identity system for --upsert-by external.")
  @Nullable String externalSystem;

  @Option(names = "--currency", paramLabel = "CODE",
      description = "ISO 4217 code of money fields without a currency column, e.g. GBP.")
  @Nullable String currency;

  @Option(names = "--date-format", paramLabel = "PATTERN",
      description = "Date-time pattern, e.g. 'yyyy-MM-dd HH:mm:ss' or 'dd/MM/yyyy'; a date alone is the start "
          + "of that day in --zone.")
  @Nullable String dateFormat;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "Time zone of date-times without an offset and of dates (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(names = "--cancellation-prefix", paramLabel = "PREFIX",
      description = "Order ids with this prefix are cancellations (refunds), e.g. C.")
  @Nullable String cancellationPrefix;

  @Option(names = "--strip-float-ids", description = "Read ids written as floats ('17850.0') as '17850'.")
  boolean stripFloatIds;

  @Option(names = "--archive", description = "FILE is a whole CRM archive (JSON Lines from ecrm export).")
  boolean archive;

  @Option(names = "--dry-run", description = "Validate and count without writing.")
  boolean dryRun;

  @Option(names = "--strict", description = "Exit with 1 and leave the store unchanged when any row was rejected,"
      + " whatever --max-rejects says; a column that maps to no field is an error, not a warning.")
  boolean strict;

  @Option(names = "--max-field-length", paramLabel = "CHARS",
      description = "Longest accepted field; a longer one rejects its row (default: 1048576).")
  int maxFieldLength = org.ecrm.core.io.InputFiles.DEFAULT_MAX_FIELD_LENGTH;

  @Mixin
  OutputOptions output;

  @Mixin
  Rejects rejects;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    PrintWriter err = cl.getErr();
    common.check(cl);
    output.check(cl);
    rejects.check(cl);
    if (maxFieldLength < 1) {
      throw new CommandLine.ParameterException(cl, "--max-field-length must be positive: " + maxFieldLength);
    }
    if (strict) {
      rejects.max = 0;
    }
    storeOptions.check(cl);
    Outputs.refuseInput(cl, "--store", storeOptions.store, file);
    Outputs.refuseInput(cl, "--rejects", rejects.file, file, storeOptions.store);
    Outputs.refuseInput(cl, "--out", output.out, file, storeOptions.store, rejects.file);
    Outputs.oneStdout(cl, "--out", output.target(), "--rejects", String.valueOf(rejects.file));
    ImportRequest request = archive ? null : request(null);
    String name = Inputs.name(file);
    if (!Inputs.isDash(file) && !Files.isRegularFile(file)) {
      err.println("ecrm import: " + SafeText.abbreviate(name) + ": no such file");
      return CrmCli.BAD_INPUT;
    }
    try (StoreOptions store = storeOptions) {
      Crm crm = store.open();
      long size = Inputs.isDash(file) ? 0 : Files.size(file);
      try (InputStream raw = Inputs.openRaw(common.cli(), file);
          CountingInput counted = new CountingInput(raw, size);
          InputFiles.CompleteLines in = InputFiles.openCompleteLines(counted);
          Reader reader = InputFiles.reader(in)) {
        boolean save;
        Outputs.Body result;
        if (archive) {
          ArchiveSummary s;
          try (Ticker t = common.ticker(() -> "reading " + SafeText.abbreviate(name, 40) + ", " + counted.status())) {
            // strict (all or nothing) unless rejections are allowed: then the valid records load
            s = crm.archive().importAll(reader, rejects.max > 0 ? org.ecrm.core.service.Archive.Mode.PARTIAL
                : org.ecrm.core.service.Archive.Mode.STRICT);
          } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new BadInputException("import: " + SafeText.abbreviate(name) + ": "
                + SafeText.abbreviate(String.valueOf(e.getMessage())));
          }
          s.rejected().forEach(r -> rejects.add(name, r.line(), "record", r.reason(), ""));
          in.truncation().ifPresent(t -> rejects.add(name, in.lines(), "", t, ""));
          result = w -> archiveResult(w, s);
          save = rejects.tolerated();
        } else {
          Progress progress = new Progress(err, common.progressMode(), common.cli().progressDelayMillis(), counted);
          ImportResult r = crm.imports().run(request(progress), reader);
          progress.done();
          for (RejectedRow row : r.rejections()) {
            rejects.add(name, row.line(), row.field(), row.reason(), "");
          }
          in.truncation().ifPresent(t -> rejects.add(name, in.lines(), "", t, ""));
          for (String w : r.warnings()) { // unmapped columns, once per file
            err.println("ecrm import: " + SafeText.abbreviate(name) + ": warning: " + SafeText.abbreviate(w));
          }
          result = w -> rowsResult(w, r);
          save = !dryRun && rejects.tolerated();
        }
        output.write(cl, result);
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

  /** The result of a row import as table, csv or json. */
  private void rowsResult(Writer w, ImportResult r) throws IOException {
    String k = kind.name().toLowerCase(Locale.ROOT);
    double seconds = r.elapsed().toMillis() / 1000.0;
    switch (output.format) {
      // field names come from the file's header: escaped like any data
      case TABLE -> w.write(SafeText.abbreviate(String.format(Locale.ROOT,
          "%s%s: %d rows, %d created, %d updated, %d unchanged, %d rejected %s in %.1f s (%.0f rows/s)",
          dryRun ? "dry run of " : "", k, r.rows(), r.created(), r.updated(), r.unchanged(), r.rejected(),
          r.rejectedByField(), seconds, r.rowsPerSecond()), 2000) + "\n");
      case CSV -> {
        w.write("kind,dry_run,rows,created,updated,unchanged,rejected,seconds\n");
        w.write(String.format(Locale.ROOT, "%s,%b,%d,%d,%d,%d,%d,%.3f\n", k, dryRun, r.rows(), r.created(),
            r.updated(), r.unchanged(), r.rejected(), seconds));
      }
      case JSON -> {
        try (JsonGenerator g = Json.generator(w)) {
          g.writeStartObject();
          g.writeStringProperty("kind", k);
          g.writeBooleanProperty("dryRun", dryRun);
          g.writeNumberProperty("rows", r.rows());
          g.writeNumberProperty("created", r.created());
          g.writeNumberProperty("updated", r.updated());
          g.writeNumberProperty("unchanged", r.unchanged());
          g.writeNumberProperty("rejected", r.rejected());
          g.writeObjectPropertyStart("rejectedByField");
          for (Map.Entry<String, ? extends Number> e : r.rejectedByField().entrySet()) {
            g.writeNumberProperty(e.getKey(), e.getValue().longValue());
          }
          g.writeEndObject();
          g.writeNumberProperty("seconds", seconds);
          g.writeEndObject();
        }
        w.write("\n");
      }
    }
  }

  /** The result of an archive import as table, csv or json. */
  private void archiveResult(Writer w, ArchiveSummary s) throws IOException {
    switch (output.format) {
      case TABLE -> w.write("imported " + new java.util.TreeMap<>(s.counts()) + ", rejected " + s.rejected().size() + "\n");
      case CSV -> {
        w.write("kind,records\n");
        for (Map.Entry<String, ? extends Number> e : new java.util.TreeMap<>(s.counts()).entrySet()) {
          w.write(SafeText.csvCell(e.getKey()) + "," + e.getValue() + "\n");
        }
        w.write("rejected," + s.rejected().size() + "\n");
      }
      case JSON -> {
        try (JsonGenerator g = Json.generator(w)) {
          g.writeStartObject();
          g.writeObjectPropertyStart("imported");
          for (Map.Entry<String, ? extends Number> e : new java.util.TreeMap<>(s.counts()).entrySet()) {
            g.writeNumberProperty(e.getKey(), e.getValue().longValue());
          }
          g.writeEndObject();
          g.writeNumberProperty("rejected", s.rejected().size());
          g.writeEndObject();
        }
        w.write("\n");
      }
    }
  }

  private ImportRequest request(@Nullable Progress progress) {
    ImportFormat f = inputFormat != null ? parseFormat(inputFormat)
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
          "--input-format must be csv or jsonl: " + f);
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
