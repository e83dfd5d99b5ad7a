package org.ecrm.core.bench;

import org.ecrm.core.Crm;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.FieldChange;

/**
 * Measures what tagging one customer many times costs the audit trail: wall time, characters held by
 * the customer's audit records, heap retained afterwards and the peak heap in use (sampled every 100 calls). A runner, not a test:
 * {@code java -cp <test classpath> org.ecrm.core.bench.AuditTagsRun [tags]} (default 8000).
 */
public final class AuditTagsRun {
  private AuditTagsRun() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
    Runtime rt = Runtime.getRuntime();
    try (Crm crm = Crm.builder().discoverStorage(false).build()) {
      Customer c = crm.customers().create(Customer.builder().name("Ada", "Lovelace").email("ada@example.com"));
      System.gc();
      long heapBefore = rt.totalMemory() - rt.freeMemory();
      long peak = 0;
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        crm.customers().tag(c.id(), "tag-" + i);
        if (i % 100 == 0) {
          peak = Math.max(peak, rt.totalMemory() - rt.freeMemory() - heapBefore);
        }
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.gc();
      long retained = rt.totalMemory() - rt.freeMemory() - heapBefore;
      long chars = 0;
      for (AuditRecord r : crm.audit().forEntity("Customer", c.id().value())) {
        for (FieldChange f : r.changes()) {
          chars += f.field().length() + f.oldValue().length() + f.newValue().length();
        }
      }
      System.out.printf("%d tags on one customer: %d ms, %,d audit characters, %,d MB heap retained, %,d MB peak heap in use (sampled)%n",
          n, ms, chars, retained >> 20, peak >> 20);
    }
  }
}
