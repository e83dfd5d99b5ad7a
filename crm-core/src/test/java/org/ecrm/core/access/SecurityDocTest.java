package org.ecrm.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The permission table of SECURITY.md is the enforcement table: every row and operation match. */
class SecurityDocTest {
  @Test
  void securityPage_listsEveryOperationUnderThePermissionTheCodeChecks() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("SECURITY.md"));
    Map<Permission, String> rows = new HashMap<>();
    for (String line : lines) {
      for (Permission p : Permission.values()) {
        if (line.startsWith("| `" + p + "` ")) {
          rows.put(p, line);
        }
      }
    }
    assertThat(rows.keySet()).containsExactlyInAnyOrder(Permission.values());
    int operations = 0;
    for (Map.Entry<Permission, List<String>> e : PermissionTable.operations().entrySet()) {
      for (String op : e.getValue()) {
        assertThat(rows.get(e.getKey())).as(op).contains("`" + op + "`");
        operations++;
      }
      for (Map.Entry<Permission, String> other : rows.entrySet()) {
        if (other.getKey() != e.getKey()) {
          e.getValue().stream().filter(op -> !op.equals("Imports.run"))
              .forEach(op -> assertThat(other.getValue()).as(op + " only under " + e.getKey()).doesNotContain("`" + op + "`"));
        }
      }
    }
    assertThat(operations).isGreaterThan(90);
  }
}
