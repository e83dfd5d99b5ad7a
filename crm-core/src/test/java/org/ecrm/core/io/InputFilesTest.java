package org.ecrm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir
  Path dir;

  static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(plain);
    }
    return b.toByteArray();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private String text(Path f) throws IOException {
    try (Reader r = InputFiles.reader(f)) {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      for (int n; (n = r.read(buf)) > 0; ) {
        sb.append(buf, 0, n);
      }
      return sb.toString();
    }
  }

  @Test
  void gzipIsFoundByItsMagicBytes_andBomsAreSkipped() throws IOException {
    byte[] body = "id,email\nc1,a@example.com\n".getBytes(StandardCharsets.UTF_8);
    Path plain = dir.resolve("a.csv.gz"); // a misleading name: plain text
    Files.write(plain, concat(BOM, body));
    Path packed = dir.resolve("a.csv");
    Files.write(packed, gzip(concat(BOM, body)));
    assertThat(InputFiles.isGzip(plain)).isFalse();
    assertThat(InputFiles.isGzip(packed)).isTrue();
    assertThat(text(plain)).isEqualTo("id,email\nc1,a@example.com\n");
    assertThat(text(packed)).isEqualTo("id,email\nc1,a@example.com\n");
    Path empty = dir.resolve("empty");
    Files.write(empty, new byte[0]);
    assertThat(text(empty)).isEmpty();
  }

  @Test
  void invalidUtf8_becomesTheReplacementCharacter_neverAnException() throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.write(f, new byte[] {'a', (byte) 0xff, 'b', (byte) 0xc3, '(', '\n'});
    assertThat(text(f)).isEqualTo("a\uFFFDb\uFFFD(\n");
  }

  @Test
  void truncatedGzip_returnsTheBytesBefore_thenThrowsTruncated() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      sb.append("line ").append(i).append('\n');
    }
    byte[] whole = gzip(sb.toString().getBytes(StandardCharsets.UTF_8));
    Path cut = dir.resolve("cut.gz");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    assertThatThrownBy(() -> {
      try (InputStream in = InputFiles.open(cut)) {
        in.transferTo(got);
      }
    }).isInstanceOf(TruncatedInputException.class).hasMessage("truncated gzip");
    assertThat(got.size()).isGreaterThan(100_000);
    assertThat(sb.toString()).startsWith(got.toString(StandardCharsets.UTF_8));

    Path header = dir.resolve("header.gz");
    Files.write(header, Arrays.copyOf(whole, 5));
    assertThatThrownBy(() -> InputFiles.open(header)).isInstanceOf(TruncatedInputException.class);
    assertThat(TruncatedInputException.in(new UncheckedIOException(new TruncatedInputException("truncated gzip"))))
        .isPresent();
    assertThat(TruncatedInputException.in(new IOException("other"))).isEmpty();
  }

  @Test
  void completeLines_endAtTheLastWholeLineOfACutStream_andSaySo() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      sb.append("line ").append(i).append('\n');
    }
    byte[] whole = gzip(sb.toString().getBytes(StandardCharsets.UTF_8));
    Path cut = dir.resolve("cut.gz");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    String got;
    InputFiles.CompleteLines in = InputFiles.openCompleteLines(cut);
    try (in) {
      got = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(got).endsWith("\n");
    long lines = got.chars().filter(c -> c == '\n').count();
    assertThat(in.lines()).isEqualTo(lines).isGreaterThan(1000);
    assertThat(in.truncation()).contains("truncated gzip after line " + lines);
    assertThat(sb.toString()).startsWith(got);

    Path plain = dir.resolve("plain.txt");
    Files.writeString(plain, "a\nb\nno newline at the end");
    InputFiles.CompleteLines p = InputFiles.openCompleteLines(plain);
    try (p) {
      assertThat(new String(p.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a\nb\nno newline at the end");
    }
    assertThat(p.truncation()).isEmpty();
  }
}
