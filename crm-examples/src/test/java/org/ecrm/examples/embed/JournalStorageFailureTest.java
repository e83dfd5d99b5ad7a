package org.ecrm.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's durability pattern under failure: a failed append leaves nothing visible and can be
 * retried, a torn last record is cut off on open, and the journal is locked against a second opener.
 */
class JournalStorageFailureTest {
  @TempDir
  Path dir;

  /** Fails the first {@code failures} appends after writing half their bytes, as a full disk would. */
  private static JournalStorage.WriteFault diskFullFor(int failures) {
    AtomicInteger left = new AtomicInteger(failures);
    return (channel, position, bytes) -> {
      if (left.getAndDecrement() > 0) {
        ByteBuffer half = bytes.duplicate();
        half.limit(half.position() + half.remaining() / 2);
        channel.write(half, position);
        throw new IOException("No space left on device");
      }
    };
  }

  @Test
  void aFailedAppend_leavesNothingVisibleOrOnDisk_andARetrySucceeds() throws Exception {
    Path journal = dir.resolve("customers.jsonl");
    try (JournalStorage storage = JournalStorage.open(journal, diskFullFor(1));
        Crm crm = Crm.builder().storage(storage).build()) {
      assertThatThrownBy(() -> crm.customers().create(Customer.builder().id("c1").email("ada@example.com")))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("cannot append, nothing was stored: No space left on device");
      assertThat(crm.customers().get(CustomerId.of("c1"))).isEmpty();
      assertThat(crm.customers().findByEmail(EmailAddress.of("ada@example.com"))).isEmpty();
      assertThat(Files.size(journal)).isZero();
      // the retry is not refused as a duplicate
      Customer ada = crm.customers().create(Customer.builder().id("c1").email("ada@example.com"));
      assertThat(crm.customers().require(CustomerId.of("c1"))).isEqualTo(ada);
    }
    assertThat(Files.readAllLines(journal)).hasSize(1);
    try (JournalStorage storage = JournalStorage.open(journal)) {
      assertThat(storage.truncatedTailAt()).isEmpty();
      assertThat(storage.customers().get(CustomerId.of("c1"))).isPresent();
    }
  }

  @Test
  void aFailedUpdate_keepsTheStoredVersion_andTheRetryApplies() throws Exception {
    Path journal = dir.resolve("customers.jsonl");
    AtomicInteger calls = new AtomicInteger();
    JournalStorage.WriteFault secondFails = (channel, position, bytes) -> {
      if (calls.incrementAndGet() == 2) {
        throw new IOException("No space left on device");
      }
    };
    try (JournalStorage storage = JournalStorage.open(journal, secondFails);
        Crm crm = Crm.builder().storage(storage).build()) {
      Customer ada = crm.customers().create(Customer.builder().id("c1").name("Ada", "Lovelace"));
      long size = Files.size(journal);
      assertThatThrownBy(() -> crm.customers().tag(ada.id(), "vip")).isInstanceOf(StoreException.class);
      assertThat(crm.customers().require(ada.id()).hasTag("vip")).isFalse();
      assertThat(crm.customers().require(ada.id()).version()).isEqualTo(1);
      assertThat(Files.size(journal)).isEqualTo(size);
      crm.customers().tag(ada.id(), "vip");
    }
    try (JournalStorage storage = JournalStorage.open(journal)) {
      Customer back = storage.customers().get(CustomerId.of("c1")).orElseThrow();
      assertThat(back.hasTag("vip")).isTrue();
      assertThat(back.version()).isEqualTo(2);
    }
  }

  @Test
  void anAppendThatCannotBeUndone_refusesLaterWrites_andTheNextOpenCutsTheTornTail() throws Exception {
    Path journal = dir.resolve("customers.jsonl");
    AtomicInteger calls = new AtomicInteger();
    // the second append writes half its record, then the file becomes unusable (even truncate fails)
    JournalStorage.WriteFault dies = (channel, position, bytes) -> {
      if (calls.incrementAndGet() == 2) {
        ByteBuffer half = bytes.duplicate();
        half.limit(half.position() + half.remaining() / 2);
        channel.write(half, position);
        channel.close();
        throw new IOException("I/O error");
      }
    };
    long complete;
    try (JournalStorage storage = JournalStorage.open(journal, dies);
        Crm crm = Crm.builder().storage(storage).build()) {
      crm.customers().create(Customer.builder().id("c1").email("ada@example.com"));
      complete = Files.size(journal);
      assertThatThrownBy(() -> crm.customers().create(Customer.builder().id("c2")))
          .isInstanceOf(StoreException.class);
      assertThat(crm.customers().get(CustomerId.of("c2"))).isEmpty();
      assertThatThrownBy(() -> crm.customers().create(Customer.builder().id("c3")))
          .isInstanceOf(StoreException.class).hasMessageContaining("reopen the storage");
    }
    assertThat(Files.size(journal)).isGreaterThan(complete);
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (JournalStorage storage = JournalStorage.open(journal)) {
      assertThat(storage.truncatedTailAt()).hasValue(complete);
      assertThat(storage.customers().get(CustomerId.of("c1"))).isPresent();
      assertThat(storage.customers().count()).isEqualTo(1);
    } finally {
      System.setErr(err);
    }
    assertThat(Files.size(journal)).isEqualTo(complete);
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("WARN", "torn", "at byte offset " + complete);
  }

  @Test
  void underContention_withEveryThirdAppendFailing_exactlyTheAcknowledgedCustomersSurvive() throws Exception {
    Path journal = dir.resolve("customers.jsonl");
    AtomicInteger calls = new AtomicInteger();
    JournalStorage.WriteFault everyThird = (channel, position, bytes) -> {
      if (calls.incrementAndGet() % 3 == 0) {
        ByteBuffer part = bytes.duplicate();
        part.limit(part.position() + 7);
        channel.write(part, position);
        throw new IOException("No space left on device");
      }
    };
    java.util.Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.Set<String> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    try (JournalStorage storage = JournalStorage.open(journal, everyThird);
        Crm crm = Crm.builder().storage(storage).build()) {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      for (int t = 0; t < 4; t++) {
        int thread = t;
        pool.submit(() -> {
          start.await();
          for (int i = 0; i < 25; i++) {
            String id = "t" + thread + "-" + i;
            try {
              crm.customers().create(Customer.builder().id(id).email(id + "@example.com"));
              acknowledged.add(id);
            } catch (StoreException e) {
              failed.add(id);
            }
          }
          return null;
        });
      }
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      assertThat(acknowledged.size() + failed.size()).isEqualTo(100);
      assertThat(failed).isNotEmpty();
      failed.forEach(id -> assertThat(crm.customers().get(CustomerId.of(id))).as(id).isEmpty());
    }
    try (JournalStorage storage = JournalStorage.open(journal)) {
      assertThat(storage.truncatedTailAt()).isEmpty();
      assertThat(storage.customers().count()).isEqualTo(acknowledged.size());
      acknowledged.forEach(id -> assertThat(storage.customers().get(CustomerId.of(id))).as(id).isPresent());
    }
  }

  @Test
  void aTruncatedLastLine_isCutOff_andEveryCompleteRecordLoaded() throws Exception {
    Path journal = dir.resolve("customers.jsonl");
    try (JournalStorage storage = JournalStorage.open(journal); Crm crm = Crm.builder().storage(storage).build()) {
      crm.customers().create(Customer.builder().id("c1"));
      crm.customers().create(Customer.builder().id("c2"));
    }
    long whole = Files.size(journal);
    Files.writeString(journal, "{\"op\":\"put\",\"customer\":{\"id\":\"c3\"", StandardOpenOption.APPEND);
    try (JournalStorage storage = JournalStorage.open(journal); Crm crm = Crm.builder().storage(storage).build()) {
      assertThat(storage.truncatedTailAt()).hasValue(whole);
      assertThat(crm.customers().count()).isEqualTo(2);
      crm.customers().create(Customer.builder().id("c3"));
    }
    try (JournalStorage storage = JournalStorage.open(journal)) {
      assertThat(storage.truncatedTailAt()).isEmpty();
      assertThat(storage.customers().count()).isEqualTo(3);
    }
  }

  @Test
  void aCorruptCompleteRecord_stillFailsTheOpen_namingTheLine() throws Exception {
    Path journal = dir.resolve("customers.jsonl");
    Files.write(journal, new byte[] {'{', '"', 'o', 'p', '"', ':', (byte) 0xff, '}', '\n'});
    assertThatThrownBy(() -> JournalStorage.open(journal)).isInstanceOf(StoreException.class)
        .hasMessageContaining("customers.jsonl:1:").hasMessageContaining("not UTF-8");
    // the failed open released the lock
    Files.writeString(journal, "");
    JournalStorage.open(journal).close();
  }

  @Test
  void aSecondOpenInThisProcess_isRefused_untilTheFirstCloses() {
    Path journal = dir.resolve("customers.jsonl");
    try (JournalStorage first = JournalStorage.open(journal)) {
      first.customers().insert(Customer.builder().id("c1").createdAt(java.time.Instant.EPOCH)
          .updatedAt(java.time.Instant.EPOCH).build());
      assertThatThrownBy(() -> JournalStorage.open(journal)).isInstanceOf(StoreException.class)
          .hasMessageContaining("is in use by another process");
    }
    try (JournalStorage again = JournalStorage.open(journal)) {
      assertThat(again.customers().count()).isEqualTo(1);
    }
  }

  @Test
  void aSecondOpenFromAnotherProcess_isRefused() throws Exception {
    Path journal = dir.resolve("customers.jsonl");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        JournalLockHolder.class.getName(), journal.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("locked 0");
      assertThatThrownBy(() -> JournalStorage.open(journal)).isInstanceOf(StoreException.class)
          .hasMessageContaining("customers.jsonl is in use by another process");
      child.getOutputStream().close();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    JournalStorage.open(journal).close();
  }
}
