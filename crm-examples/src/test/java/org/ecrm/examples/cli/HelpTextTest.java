package org.ecrm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** The help of every command: whole sentences, meaningful labels, nothing past 80 columns. */
class HelpTextTest {
  private static final Pattern RAW_LABEL = Pattern.compile("<[A-Za-z][A-Za-z0-9]*>");

  private static List<CommandLine> everyCommand() {
    CommandLine root = CrmCli.commandLine(new ByteArrayInputStream(new byte[0]),
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, 0);
    List<CommandLine> all = new ArrayList<>();
    all.add(root);
    all.addAll(root.getSubcommands().values());
    return all;
  }

  @Test
  void everyCommandIsListed_includingClv() {
    assertThat(everyCommand().get(0).getSubcommands().keySet())
        .containsExactly("import", "export", "segment", "summary", "clv", "sessions", "report", "demo");
  }

  @Test
  void usage_hasNoRawLabel_noLineOver80Columns_andNoUnresolvedVariable() {
    for (CommandLine cl : everyCommand()) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = CrmCli.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true),
          cl.getCommandName().equals("ecrm") ? new String[] {"--help"} : new String[] {cl.getCommandName(), "--help"});
      assertThat(code).as(cl.getCommandName()).isZero();
      String usage = out.toString();
      assertThat(usage).as(cl.getCommandName()).isNotBlank();
      assertThat(RAW_LABEL.matcher(usage).find()).as(cl.getCommandName() + " has a raw <label>:\n" + usage).isFalse();
      assertThat(usage).as(cl.getCommandName()).doesNotContain("${");
      for (String line : usage.split("\\R")) {
        assertThat(line.length()).as(cl.getCommandName() + ": " + line).isLessThanOrEqualTo(80);
      }
    }
  }

  @Test
  void everyDescription_isWholeSentences() {
    for (CommandLine cl : everyCommand()) {
      CommandSpec spec = cl.getCommandSpec();
      String command = String.join(" ", spec.usageMessage().description());
      assertThat(command).as(cl.getCommandName()).isNotBlank().endsWith(".");
      List<ArgSpec> args = new ArrayList<>(spec.options());
      args.addAll(spec.positionalParameters());
      for (ArgSpec a : args) {
        String d = String.join(" ", a.description()).strip();
        String name = cl.getCommandName() + " " + a;
        assertThat(d).as(name).isNotBlank().endsWith(".");
        assertThat(Character.isUpperCase(d.charAt(0))).as(name + ": " + d).isTrue();
        if (a.arity().max() > 0 && !a.isOption() || a.isOption() && a.typeInfo().getType() != boolean.class) {
          assertThat(a.paramLabel()).as(name).doesNotStartWith("<");
        }
      }
    }
  }

  @Test
  void commonOptions_onEveryCommand_andFormatOnEveryCommandThatPrintsResults() {
    for (CommandLine cl : everyCommand().subList(1, everyCommand().size())) {
      CommandSpec spec = cl.getCommandSpec();
      assertThat(spec.findOption("--quiet")).as(cl.getCommandName()).isNotNull();
      assertThat(spec.findOption("--verbose")).as(cl.getCommandName()).isNotNull();
      if (List.of("import", "segment", "summary", "clv", "sessions").contains(cl.getCommandName())) {
        assertThat(spec.findOption("--format").paramLabel()).as(cl.getCommandName()).isEqualTo("FORMAT");
        assertThat(String.join(" ", spec.findOption("--format").description())).contains("table, csv or json");
      }
    }
  }
}
