package org.ecrm.core.access;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ecrm.core.internal.Guarded;

/** The permission → operations table of SECURITY.md, from the enforcement table itself. */
public final class PermissionTable {
  private PermissionTable() {}

  /** Each permission with the operations ({@code Service.method}) that need it, in service order. */
  public static Map<Permission, List<String>> operations() {
    Map<Permission, List<String>> out = new EnumMap<>(Permission.class);
    for (Permission p : Permission.values()) {
      out.put(p, new ArrayList<>());
    }
    for (Class<?> service : Guarded.services()) {
      Guarded.permissions(service).forEach((method, p) -> out.get(p).add(service.getSimpleName() + "." + method));
    }
    return out;
  }

  /** Prints the table as Markdown rows. */
  public static void main(String[] args) {
    operations().forEach((p, ops) -> System.out.println("| `" + p + "` | "
        + String.join(", ", ops.stream().map(o -> "`" + o + "`").toList()) + " |"));
  }
}
