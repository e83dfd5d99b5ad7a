package org.ecrm.core.io;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Money;
import org.jspecify.annotations.Nullable;

/**
 * What to import and how: entity kind, format, column mapping, upsert key, parsing rules. Build one
 * with {@link #builder(EntityKind, ImportFormat)}. Immutable and thread-safe.
 */
public final class ImportRequest {
  private final EntityKind kind;
  private final ImportFormat format;
  private final Map<String, String> mapping;
  private final UpsertKey upsertKey;
  private final @Nullable String externalSystem;
  private final boolean dryRun;
  private final ImportListener listener;
  private final int progressEvery;
  private final @Nullable Currency defaultCurrency;
  private final @Nullable DateTimeFormatter dateTimeFormat;
  private final @Nullable String dateTimePattern;
  private final ZoneId zone;
  private final Map<String, UnaryOperator<String>> transforms;
  private final @Nullable String cancellationPrefix;
  private final boolean strictColumns;
  private final int maxFieldLength;
  private final LocalDate earliestDate;
  private final @Nullable LocalDate latestDate;

  private ImportRequest(Builder b) {
    kind = b.kind;
    format = b.format;
    mapping = Map.copyOf(b.mapping);
    upsertKey = b.upsertKey;
    externalSystem = b.externalSystem;
    dryRun = b.dryRun;
    listener = b.listener;
    progressEvery = b.progressEvery;
    defaultCurrency = b.defaultCurrency;
    dateTimeFormat = b.dateTimeFormat;
    dateTimePattern = b.dateTimePattern;
    zone = b.zone;
    transforms = Map.copyOf(b.transforms);
    cancellationPrefix = b.cancellationPrefix;
    strictColumns = b.strictColumns;
    maxFieldLength = b.maxFieldLength;
    earliestDate = b.earliestDate;
    latestDate = b.latestDate;
  }

  /** A builder for importing {@code kind} from {@code format}. */
  public static Builder builder(EntityKind kind, ImportFormat format) {
    return new Builder(kind, format);
  }

  /** The entity kind. */
  public EntityKind kind() {
    return kind;
  }

  /** The input format. */
  public ImportFormat format() {
    return format;
  }

  /** The field a header or property maps to: the mapping, else the name itself. */
  public String fieldFor(String column) {
    return mapping.getOrDefault(column, column);
  }

  /** The column → field mapping given to the builder. */
  public Map<String, String> mapping() {
    return mapping;
  }

  /** The upsert key. */
  public UpsertKey upsertKey() {
    return upsertKey;
  }

  /** The external-identity system for {@link UpsertKey#EXTERNAL_ID}. */
  public Optional<String> externalSystem() {
    return Optional.ofNullable(externalSystem);
  }

  /** Whether nothing is written. */
  public boolean dryRun() {
    return dryRun;
  }

  /** The progress listener. */
  public ImportListener listener() {
    return listener;
  }

  /** Rows between progress reports. */
  public int progressEvery() {
    return progressEvery;
  }

  /** The currency of money fields when the row has no {@code currency}. */
  public Optional<Currency> defaultCurrency() {
    return Optional.ofNullable(defaultCurrency);
  }

  /** The pattern of date-time fields, if not ISO-8601. */
  public Optional<DateTimeFormatter> dateTimeFormat() {
    return Optional.ofNullable(dateTimeFormat);
  }

  /**
   * The text of the date-time pattern given to {@link Builder#dateTimeFormat(String)}, if any.
   *
   * @return the pattern, e.g. {@code "dd/MM/yyyy"}
   */
  public Optional<String> dateTimePattern() {
    return Optional.ofNullable(dateTimePattern);
  }

  /**
   * The zone of date-times without an offset and of date-only values (a date is the start of that day
   * in this zone); UTC unless set with {@link Builder#zone(String)}.
   */
  public ZoneId zone() {
    return zone;
  }

  /** The value transform for {@code field}, identity if none. */
  public UnaryOperator<String> transform(String field) {
    return transforms.getOrDefault(field, UnaryOperator.identity());
  }

  /** The order-id prefix that marks a cancellation, if any. */
  public Optional<String> cancellationPrefix() {
    return Optional.ofNullable(cancellationPrefix);
  }

  /** Whether an input column that maps to no field of the entity fails the import. */
  public boolean strictColumns() {
    return strictColumns;
  }

  /**
   * The longest field value a row may hold, in characters; a row with a longer one is rejected naming the
   * field, and the rows after it are read on.
   *
   * @return the limit ({@link InputFiles#DEFAULT_MAX_FIELD_LENGTH} by default)
   */
  public int maxFieldLength() {
    return maxFieldLength;
  }

  /** The earliest date a date-time field may carry (default 1900-01-01). */
  public LocalDate earliestDate() {
    return earliestDate;
  }

  /**
   * The latest date a date-time field may carry, if set; by default one year after the CRM clock's
   * today at the start of the run.
   */
  public Optional<LocalDate> latestDate() {
    return Optional.ofNullable(latestDate);
  }

  /** Collects an {@link ImportRequest}. Not thread-safe. Each setting may be set once. */
  public static final class Builder {
    private final EntityKind kind;
    private final ImportFormat format;
    private final Map<String, String> mapping = new HashMap<>();
    private UpsertKey upsertKey = UpsertKey.ID;
    private @Nullable String externalSystem;
    private boolean dryRun;
    private ImportListener listener = ImportListener.NONE;
    private int progressEvery = 10_000;
    private @Nullable Currency defaultCurrency;
    private @Nullable DateTimeFormatter dateTimeFormat;
    private @Nullable String dateTimePattern;
    private ZoneId zone = ZoneId.of("UTC");
    private final Map<String, UnaryOperator<String>> transforms = new HashMap<>();
    private @Nullable String cancellationPrefix;
    private boolean strictColumns;
    private int maxFieldLength = InputFiles.DEFAULT_MAX_FIELD_LENGTH;
    private LocalDate earliestDate = LocalDate.of(1900, 1, 1);
    private @Nullable LocalDate latestDate;

    private Builder(EntityKind kind, ImportFormat format) {
      this.kind = Checks.notNull("kind", kind);
      this.format = Checks.notNull("format", format);
    }

    /**
     * Maps an input column (CSV header or JSON property) to a field of the entity, e.g.
     * {@code map("CustomerID", "customerId")}. An unmapped column is used under its own name if that is
     * a field, else under the field its spelling variant ({@code e-mail}, {@code Customer ID}) or common
     * alias ({@code phone_number}, {@code first_name}) names, unless another column already is that
     * field; otherwise it is ignored and reported once in {@link ImportResult#warnings()} (see
     * {@link #strictColumns(boolean)}).
     *
     * @throws IllegalStateException if the column was already mapped
     */
    public Builder map(String column, String field) {
      Checks.notNull("column", column);
      Checks.id("field", field);
      if (mapping.containsKey(column)) {
        throw new IllegalStateException("column '" + column + "' was already mapped to '"
            + mapping.get(column) + "'");
      }
      mapping.put(column, field);
      return this;
    }

    /** How existing records are found (default {@link UpsertKey#ID}). */
    public Builder upsertBy(UpsertKey key) {
      this.upsertKey = Checks.notNull("upsertKey", key);
      return this;
    }

    /** The external-identity system used by {@link UpsertKey#EXTERNAL_ID}, e.g. {@code "shop"}. */
    public Builder externalSystem(String system) {
      this.externalSystem = Checks.token("externalSystem", system);
      return this;
    }

    /** Validates and counts without writing anything. */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /** Receives progress. */
    public Builder listener(ImportListener listener) {
      this.listener = Checks.notNull("listener", listener);
      return this;
    }

    /**
     * Rows between progress reports (default 10,000).
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder progressEvery(int rows) {
      this.progressEvery = (int) Checks.positive("progressEvery", rows);
      return this;
    }

    /** The currency of money fields for rows without a {@code currency} value, e.g. {@code "GBP"}. */
    public Builder defaultCurrency(String currencyCode) {
      this.defaultCurrency = Money.currency(currencyCode);
      return this;
    }

    /**
     * The pattern of date-time fields such as {@code placedAt}, read in the request's {@link #zone(String)
     * zone} (UTC unless set), e.g. {@code dateTimeFormat("yyyy-MM-dd HH:mm:ss")}. The pattern may hold a
     * date only ({@code "yyyy-MM-dd"}, {@code "dd/MM/yyyy"}): such a value is the start of that day in the
     * zone. A pattern with an offset or zone ({@code XXX}, {@code VV}) uses the value's own. Values are read
     * strictly: {@code 2024-02-30} is rejected, not moved to the end of the month. Default:
     * ISO-8601 instants, offset date-times, local date-times or dates.
     *
     * @param pattern a {@link DateTimeFormatter} pattern
     * @return this builder
     * @throws IllegalArgumentException for a bad pattern
     */
    public Builder dateTimeFormat(String pattern) {
      Checks.notNull("pattern", pattern);
      try {
        // strict: 2024-02-30 is an error, not 2024-02-29; the era defaults to AD so "yyyy" works strictly
        this.dateTimeFormat = new DateTimeFormatterBuilder().appendPattern(pattern)
            .parseDefaulting(ChronoField.ERA, 1).toFormatter(java.util.Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
      } catch (RuntimeException e) {
        throw Checks.invalid("dateTimeFormat", e.getMessage(), pattern);
      }
      this.dateTimePattern = pattern;
      return this;
    }

    /**
     * The pattern and zone of date-time fields such as {@code placedAt}, e.g.
     * {@code dateTimeFormat("yyyy-MM-dd HH:mm:ss", "Europe/London")}: {@link #dateTimeFormat(String)} and
     * {@link #zone(String)} in one call.
     *
     * @throws IllegalArgumentException for a bad pattern or zone
     */
    public Builder dateTimeFormat(String pattern, String zoneId) {
      return dateTimeFormat(pattern).zone(zoneId);
    }

    /**
     * The zone of date-times without an offset and of date-only values such as {@code 2024-01-05} (the
     * start of that day in this zone), e.g. {@code "Europe/London"}. Default: UTC.
     *
     * @param zoneId a zone id or offset ({@code "UTC"}, {@code "+01:00"}, {@code "America/New_York"})
     * @return this builder
     * @throws IllegalArgumentException for an unknown zone
     */
    public Builder zone(String zoneId) {
      Checks.notNull("zone", zoneId);
      try {
        this.zone = ZoneId.of(zoneId);
      } catch (RuntimeException e) {
        throw Checks.invalid("zone", e.getMessage(), zoneId);
      }
      return this;
    }

    /** A transform applied to a field's raw text before parsing, e.g. stripping {@code ".0"} from ids. */
    public Builder transform(String field, UnaryOperator<String> transform) {
      transforms.put(Checks.id("field", field), Checks.notNull("transform", transform));
      return this;
    }

    /** Order ids starting with this prefix (e.g. {@code "C"}) are cancellations, imported as refunds. */
    public Builder cancellationPrefix(String prefix) {
      this.cancellationPrefix = Checks.id("cancellationPrefix", prefix);
      return this;
    }

    /**
     * Whether an input column (CSV header) or JSON property that maps to no field of the entity is an
     * error (default false). Not strict, such a column is ignored and reported once per file in
     * {@link ImportResult#warnings()}. Strict, a CSV import with such a column fails before reading
     * any row ({@link IllegalArgumentException} naming every such column), and a JSON Lines row with
     * such a property is rejected naming it.
     */
    public Builder strictColumns(boolean strict) {
      this.strictColumns = strict;
      return this;
    }

    /**
     * The longest field value a row may hold, in characters (default
     * {@link InputFiles#DEFAULT_MAX_FIELD_LENGTH}, 1 MiB). A row with a longer field is rejected naming
     * the field and its length, and reading goes on with the next row. A CSV field too long for the reader's
     * buffer (over 64 Mi characters, or over this limit if that is larger) ends the reading at that row: the
     * rows before it are kept and the stop is reported as a rejection.
     *
     * @param chars the limit, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code chars} is less than 1
     */
    public Builder maxFieldLength(int chars) {
      if (chars < 1) {
        throw new IllegalArgumentException("maxFieldLength: must be at least 1 '" + chars + "'");
      }
      this.maxFieldLength = chars;
      return this;
    }

    /**
     * The accepted range of dates in date-time fields such as {@code placedAt}, both inclusive. A row
     * with a date outside it is rejected naming the field. Default: 1900-01-01 to one year after the
     * CRM clock's today.
     *
     * @throws IllegalArgumentException if {@code earliest} is after {@code latest}
     */
    public Builder dateRange(LocalDate earliest, LocalDate latest) {
      Checks.notNull("earliest", earliest);
      Checks.notNull("latest", latest);
      if (earliest.isAfter(latest)) {
        throw Checks.invalid("dateRange", "earliest is after latest", earliest + " .. " + latest);
      }
      this.earliestDate = earliest;
      this.latestDate = latest;
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalStateException if the upsert key does not fit the entity or lacks its system
     */
    public ImportRequest build() {
      if (upsertKey != UpsertKey.ID && kind != EntityKind.CUSTOMER) {
        throw new IllegalStateException("upsertBy " + upsertKey + " is for customers only, not " + kind);
      }
      if (upsertKey == UpsertKey.EXTERNAL_ID && externalSystem == null) {
        throw new IllegalStateException("upsertBy EXTERNAL_ID needs externalSystem(...)");
      }
      if (cancellationPrefix != null && kind != EntityKind.ORDER) {
        throw new IllegalStateException("cancellationPrefix is for orders only, not " + kind);
      }
      return new ImportRequest(this);
    }
  }
}
