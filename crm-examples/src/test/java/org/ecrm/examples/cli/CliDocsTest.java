package org.ecrm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md's command table ("The command line") lists exactly the subcommands {@code ecrm} registers:
 * a command added to {@link CrmCli} without a row, or a row for a command that does not exist, fails
 * naming it.
 */
class CliDocsTest {
  /** A table row's first cell: one or more backticked command names ({@code `import` / `export`}). */
  private static final Pattern ROW = Pattern.compile("^\\| ((?:`[a-z][a-z0-9-]*`(?: / )?)+) \\|", Pattern.MULTILINE);
  private static final Pattern NAME = Pattern.compile("`([a-z][a-z0-9-]*)`");

  private static Set<String> documented() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("## The command line");
    assertThat(start).as("README.md has a section '## The command line'").isNotNegative();
    int end = readme.indexOf("\n## ", start + 5);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    int table = section.indexOf("| command |");
    assertThat(table).as("README.md 'The command line' has a table whose first column is '| command |'")
        .isNotNegative();
    Set<String> names = new TreeSet<>();
    Matcher rows = ROW.matcher(section.substring(table));
    while (rows.find()) {
      Matcher n = NAME.matcher(rows.group(1));
      while (n.find()) {
        names.add(n.group(1));
      }
    }
    return names;
  }

  private static Set<String> registered() {
    java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
    return new TreeSet<>(CrmCli.commandLine(java.io.InputStream.nullInputStream(), sink, sink, false, 0)
        .getSubcommands().keySet());
  }

  @Test
  void everyRegisteredCommandHasARowInTheReadme() throws IOException {
    Set<String> missing = new TreeSet<>(registered());
    missing.removeAll(documented());
    assertThat(missing).as("ecrm commands without a row in README.md's table '| command | what it does | ...' (section"
        + " 'The command line'): add '| `NAME` | what it does |' for each").isEmpty();
  }

  @Test
  void everyCommandInTheReadmeIsRegistered() throws IOException {
    Set<String> unknown = new TreeSet<>(documented());
    unknown.removeAll(registered());
    assertThat(unknown).as("README.md's command table names commands that CrmCli does not register: remove"
        + " them or register the command").isEmpty();
    assertThat(documented()).hasSizeGreaterThanOrEqualTo(7);
  }
}
