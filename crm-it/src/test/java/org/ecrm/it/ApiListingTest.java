package org.ecrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public API of each library module, checked against the listing in {@code <module>/api/<module>.api}:
 * every exported package's public types with their public and protected constructors, fields and methods.
 * An API change fails this test until the listing is regenerated with
 * {@code mvn -B -pl crm-it -am test -Dtest=ApiListingTest -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true},
 * so it is deliberate and visible in review.
 */
class ApiListingTest {
  static final String UPDATE = "mvn -B -pl crm-it -am test -Dtest=ApiListingTest "
      + "-Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true";

  @ParameterizedTest(name = "{0}")
  @CsvSource({"crm-core, org.ecrm.core.Crm", "crm-segmentation, org.ecrm.segmentation.RfmAnalysis",
      "crm-tracking, org.ecrm.tracking.Tracker"})
  void apiMatchesTheCheckedInListing(String module, String anchor) throws Exception {
    List<String> actual = listing(Class.forName(anchor));
    Path file = Path.of("..", module, "api", module + ".api").toAbsolutePath().normalize();
    if (Boolean.getBoolean("api.update")) {
      Files.createDirectories(file.getParent());
      Files.write(file, actual, StandardCharsets.UTF_8);
      return;
    }
    List<String> expected = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    String difference = difference(module, file, expected, actual);
    if (difference != null) {
      throw new AssertionError(difference);
    }
    assertThat(actual).isNotEmpty();
  }

  @Test
  void aChangedApi_failsWithTheDifferenceAndTheUpdateCommand() {
    List<String> listed = List.of("module m", "public final class a.A", "  a.A: public void gone()",
        "  a.A: public int size()");
    List<String> now = List.of("module m", "public final class a.A", "  a.A: public int size()",
        "  a.A: public long size(int)");
    assertThat(difference("m", Path.of("m.api"), listed, listed)).isNull();
    assertThat(difference("m", Path.of("m.api"), listed, now))
        .contains("The public API of m differs from m.api", "- a.A: public void gone()",
            "+ a.A: public long size(int)", UPDATE)
        .doesNotContain("public int size()");
  }

  /** Null when equal, else the lines gone (-) and new (+) and how to update the listing. */
  static String difference(String module, Path file, List<String> expected, List<String> actual) {
    if (expected.equals(actual)) {
      return null;
    }
    Set<String> removed = new LinkedHashSet<>(expected);
    removed.removeAll(actual);
    Set<String> added = new LinkedHashSet<>(actual);
    added.removeAll(expected);
    StringBuilder msg = new StringBuilder("The public API of " + module + " differs from " + file + ":\n");
    removed.forEach(l -> msg.append("- ").append(l.strip()).append('\n'));
    added.forEach(l -> msg.append("+ ").append(l.strip()).append('\n'));
    if (removed.isEmpty() && added.isEmpty()) {
      msg.append("(the same lines in another order)\n");
    }
    msg.append("If the change is intended, regenerate the listing and commit it with the change:\n  ")
        .append(UPDATE).append('\n');
    return msg.toString();
  }

  /** The listing of the module (jar or classes directory) that holds {@code anchor}. */
  static List<String> listing(Class<?> anchor) throws IOException, URISyntaxException {
    Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location)) {
      Path root = jar == null ? location : jar.getPath("/");
      ModuleDescriptor descriptor;
      try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
        descriptor = ModuleDescriptor.read(in);
      }
      List<String> out = new ArrayList<>();
      out.add("module " + descriptor.name());
      TreeSet<String> exported = descriptor.exports().stream().filter(e -> !e.isQualified())
          .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
      for (String pkg : exported) {
        out.add("");
        out.add("package " + pkg);
        Path dir = root.resolve(pkg.replace('.', '/'));
        List<String> classNames;
        try (Stream<Path> files = Files.list(dir)) {
          classNames = files.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class"))
              .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length())).sorted().toList();
        }
        for (String name : classNames) {
          Class<?> c = Class.forName(name, false, anchor.getClassLoader());
          type(c, out);
        }
      }
      return out;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void type(Class<?> c, List<String> out) {
    if (!Modifier.isPublic(c.getModifiers()) && !Modifier.isProtected(c.getModifiers())) {
      return;
    }
    out.add(header(c));
    String prefix = "  " + c.getTypeName() + ": ";
    TreeSet<String> members = new TreeSet<>();
    for (Field f : c.getDeclaredFields()) {
      if (visible(f)) {
        members.add(prefix + modifiers(f.getModifiers()) + name(f.getGenericType()) + " " + f.getName());
      }
    }
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (visible(k)) {
        members.add(prefix + modifiers(k.getModifiers()) + typeParams(k) + "<init>" + params(k));
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (visible(m) && !m.isBridge()) {
        int mods = m.getModifiers() & ~(c.isInterface() && !Modifier.isStatic(m.getModifiers())
            && !m.isDefault() ? Modifier.ABSTRACT : 0);
        members.add(prefix + (m.isDefault() ? "default " : "") + modifiers(mods) + typeParams(m)
            + name(m.getGenericReturnType()) + " " + m.getName() + params(m));
      }
    }
    out.addAll(members);
    Arrays.stream(c.getDeclaredClasses()).sorted((a, b) -> a.getName().compareTo(b.getName()))
        .forEach(n -> type(n, out));
  }

  private static boolean visible(Member m) {
    return !m.isSynthetic() && (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()));
  }

  private static String header(Class<?> c) {
    int mods = c.getModifiers();
    String kind;
    if (c.isAnnotation()) {
      kind = "@interface";
      mods &= ~(Modifier.ABSTRACT | Modifier.INTERFACE);
    } else if (c.isInterface()) {
      kind = "interface";
      mods &= ~(Modifier.ABSTRACT | Modifier.INTERFACE);
    } else if (c.isEnum()) {
      kind = "enum";
      mods &= ~(Modifier.FINAL | Modifier.ABSTRACT);
    } else if (c.isRecord()) {
      kind = "record";
      mods &= ~Modifier.FINAL;
    } else {
      kind = "class";
    }
    StringBuilder sb = new StringBuilder((c.isSealed() ? "sealed " : "") + modifiers(mods) + kind + " "
        + c.getTypeName());
    if (c.getTypeParameters().length > 0) {
      sb.append(Arrays.stream(c.getTypeParameters()).map(ApiListingTest::typeVar)
          .collect(Collectors.joining(", ", "<", ">")));
    }
    Type sup = c.getGenericSuperclass();
    if (sup != null && sup != Object.class && !c.isEnum() && !c.isRecord()) {
      sb.append(" extends ").append(name(sup));
    }
    Type[] ifaces = c.getGenericInterfaces();
    if (ifaces.length > 0) {
      sb.append(c.isInterface() ? " extends " : " implements ")
          .append(Arrays.stream(ifaces).map(ApiListingTest::name).collect(Collectors.joining(", ")));
    }
    if (c.isSealed()) {
      sb.append(" permits ").append(Arrays.stream(c.getPermittedSubclasses()).map(Class::getTypeName)
          .sorted().collect(Collectors.joining(", ")));
    }
    return sb.toString();
  }

  private static String modifiers(int mods) {
    String s = Modifier.toString(mods & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
        | Modifier.FINAL | Modifier.ABSTRACT));
    return s.isEmpty() ? "" : s + " ";
  }

  private static String typeParams(Executable e) {
    return e.getTypeParameters().length == 0 ? "" : Arrays.stream(e.getTypeParameters())
        .map(ApiListingTest::typeVar).collect(Collectors.joining(", ", "<", "> "));
  }

  private static String typeVar(java.lang.reflect.TypeVariable<?> v) {
    Type[] bounds = v.getBounds();
    if (bounds.length == 1 && bounds[0] == Object.class) {
      return v.getName();
    }
    return v.getName() + " extends " + Arrays.stream(bounds).map(ApiListingTest::name)
        .collect(Collectors.joining(" & "));
  }

  private static String params(Executable e) {
    String ps = Arrays.stream(e.getGenericParameterTypes()).map(ApiListingTest::name)
        .collect(Collectors.joining(", ", "(", ")"));
    if (e.isVarArgs()) {
      ps = ps.substring(0, ps.length() - 3) + "...)";
    }
    Type[] ex = e.getGenericExceptionTypes();
    return ex.length == 0 ? ps : ps + " throws " + Arrays.stream(ex).map(ApiListingTest::name)
        .collect(Collectors.joining(", "));
  }

  private static String name(Type t) {
    return t.getTypeName().replace('$', '.');
  }
}
