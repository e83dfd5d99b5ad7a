package org.ecrm.core.internal.check;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks, before a part that uses jackson-databind 3 starts, that the jackson-annotations on the class or
 * module path is new enough for it, so a host that pins an older jackson-annotations gets an error naming
 * the conflict and the fix instead of a {@code NoClassDefFoundError} from inside Jackson. Thread-safe.
 */
public final class JacksonCheck {
  /**
   * The first jackson-annotations release jackson-databind 3.2 runs with (the version its POM declares; it
   * loads {@code JsonSerializeAs} and {@code JsonDeserializeAs}, new in 2.21, and {@code JsonApplyView}, new
   * in 2.22).
   */
  public static final String MIN_ANNOTATIONS = "2.22";
  /** The newest jackson-annotations types jackson-databind 3.2 loads. */
  static final List<String> PROBES = List.of("com.fasterxml.jackson.annotation.JsonSerializeAs",
      "com.fasterxml.jackson.annotation.JsonDeserializeAs", "com.fasterxml.jackson.annotation.JsonApplyView");
  private static volatile boolean ok;

  private JacksonCheck() {}

  /**
   * Returns when jackson-databind can run; otherwise throws.
   *
   * @param part what needs databind, for the message (e.g. "the archive (Crm.archive())")
   * @throws IllegalStateException naming the jackson-annotations found, the version needed and the fix
   */
  public static void requireDatabind(String part) {
    if (!ok) {
      check(part, JacksonCheck.class.getClassLoader());
      ok = true;
    }
  }

  static void check(String part, @Nullable ClassLoader loader) {
    try {
      for (String probe : PROBES) {
        Class.forName(probe, false, loader);
      }
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(message(part, annotationsVersion(loader)), e);
    }
  }

  /**
   * The message of the failure {@link #requireDatabind(String)} reports.
   *
   * @param part what needs databind
   * @param found the jackson-annotations version found
   * @return the message naming the version found, the version needed and the fix
   */
  public static String message(String part, String found) {
    return part + " uses jackson-databind 3 (tools.jackson.core:jackson-databind), which needs "
        + "com.fasterxml.jackson.core:jackson-annotations " + MIN_ANNOTATIONS + " or newer, but the class/module "
        + "path has jackson-annotations " + found + " (usually a dependency management, such as Spring Boot 3's, "
        + "pinning it). Fix: manage com.fasterxml.jackson.core:jackson-annotations at " + MIN_ANNOTATIONS
        + " or newer (in Maven, declare it in <dependencyManagement> ahead of the pinning BOM, or import "
        + "tools.jackson:jackson-bom first; with Spring Boot, set the jackson-annotations version). The rest of "
        + "the library (Crm, customers, orders, imports, segmentation, tracking) does not use jackson-databind.";
  }

  private static String annotationsVersion(@Nullable ClassLoader loader) {
    try {
      Class<?> c = Class.forName("com.fasterxml.jackson.annotation.JsonProperty", false, loader);
      String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
      if (v == null && c.getModule().isNamed() && c.getModule().getDescriptor() != null) {
        v = c.getModule().getDescriptor().rawVersion().orElse(null);
      }
      return v == null ? "older than " + MIN_ANNOTATIONS : v;
    } catch (ClassNotFoundException | LinkageError e) {
      return "(none: the jar is missing)";
    }
  }
}
