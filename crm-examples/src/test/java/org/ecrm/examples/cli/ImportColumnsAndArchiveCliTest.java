package org.ecrm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecrm import}: columns that map to no field are reported (an error with {@code --strict}), and an
 * archive loads all or nothing unless rejections are allowed.
 */
class ImportColumnsAndArchiveCliTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CrmCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void unmappedColumn_isAWarningOnceAndAnErrorWithStrict() throws IOException {
    Path csv = dir.resolve("customers.csv");
    Files.writeString(csv, "id,email,givenName,familyName,shoe_size\n"
        + "c1,ada@example.com,Ada,Lovelace,38\nc2,grace@example.com,Grace,Hopper,39\n", StandardCharsets.UTF_8);
    Path store = dir.resolve("s.jsonl");

    assertThat(run("import", "--store", store.toString(), csv.toString())).as(err.toString()).isEqualTo(CrmCli.OK);
    assertThat(err.toString()).contains("warning").contains("shoe_size");
    assertThat(err.toString().split("shoe_size", -1)).as("reported once").hasSize(2);
    assertThat(out.toString()).contains("2 created");

    Path strictStore = dir.resolve("strict.jsonl");
    assertThat(run("import", "--strict", "--store", strictStore.toString(), csv.toString())).isEqualTo(CrmCli.BAD_INPUT);
    assertThat(strictStore).doesNotExist();
  }

  @Test
  void tooLongField_rejectsItsRow_theOthersAreImportedWhenAllowed() throws IOException {
    Path csv = dir.resolve("customers.csv");
    Files.writeString(csv, "id,email,firstName\nc1,a@example.com,Ada\nc2,b@example.com," + "x".repeat(500)
        + "\nc3,c@example.com,Cy\n", StandardCharsets.UTF_8);
    Path store = dir.resolve("s.jsonl");
    assertThat(run("import", "--max-field-length", "100", "--max-rejects", "1", "--store", store.toString(),
        csv.toString())).as(err.toString()).isEqualTo(CrmCli.OK);
    assertThat(err.toString()).contains("customers.csv:3: givenName: longer than 100 characters");
    assertThat(out.toString()).contains("2 created");
    assertThat(run("import", "--max-field-length", "0", csv.toString())).isEqualTo(CrmCli.USAGE);
  }

  @Test
  void archiveWithABadLine_loadsNothingUnlessRejectionsAreAllowed() throws IOException {
    Path archive = dir.resolve("crm.jsonl");
    try (Crm crm = Crm.builder().build();
        var w = Files.newBufferedWriter(archive, StandardCharsets.UTF_8)) {
      crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com"));
      crm.archive().exportAll(w);
      w.write("{\"type\":\"starship\",\"data\":{}}\n");
    }
    Path store = dir.resolve("s.jsonl");
    assertThat(run("import", "--archive", "--store", store.toString(), archive.toString()))
        .isEqualTo(CrmCli.BAD_INPUT);
    assertThat(err.toString()).contains("unknown record type").contains("left unchanged");
    assertThat(store).as("nothing stored from a rejected archive").doesNotExist();

    assertThat(run("import", "--archive", "--max-rejects", "1", "--store", store.toString(), archive.toString()))
        .as(err.toString()).isEqualTo(CrmCli.OK);
    assertThat(Files.readString(store, StandardCharsets.UTF_8)).as("the valid records load when allowed")
        .contains("ada@example.com");
  }
}
